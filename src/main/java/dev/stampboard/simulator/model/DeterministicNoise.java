package dev.stampboard.simulator.model;

/**
 * Pseudo-random numbers derived from a hash of (seed, names, minute) instead of a shared {@link java.util.Random}.
 * Every value depends only on its inputs, so a minute can be computed in any order, twice, or in parallel,
 * and still come out identical.
 */
final class DeterministicNoise {

    private DeterministicNoise() {}

    /** A well-mixed 64-bit hash of the seed, some names and a number (SplitMix64 finaliser over FNV-1a). */
    static long hash(long seed, String a, String b, long n) {
        return hashAt(stream(seed, a, b), n);
    }

    /**
     * The part of {@link #hash} that depends only on the seed and the names: a caller that asks for the same names
     * minute after minute keeps it and calls the {@code …At} methods with the minute, which give exactly what
     * {@link #hash}, {@link #uniform} and {@link #gaussian} give, without hashing the names again.
     */
    static long stream(long seed, String a, String b) {
        long h = 0xcbf29ce484222325L ^ mix(seed);
        h = fnv(h, a);
        return fnv(h ^ 0x1f, b);
    }

    /** {@link #hash} of the names {@code stream} was made from, and {@code n}. */
    static long hashAt(long stream, long n) {
        return mix(stream ^ mix(n + 0x632be59bd9b4e019L));
    }

    /** Uniform in [0, 1). */
    static double uniform(long seed, String a, String b, long n) {
        return uniformAt(stream(seed, a, b), n);
    }

    /** {@link #uniform} of the names {@code stream} was made from, and {@code n}. */
    static double uniformAt(long stream, long n) {
        return (hashAt(stream, n) >>> 11) * 0x1.0p-53;
    }

    /**
     * Approximately standard normal (mean 0, standard deviation 1, bounded at about ±3.5):
     * the sum of four uniforms is smooth enough for traffic noise and never produces absurd outliers.
     */
    static double gaussian(long seed, String a, String b, long n) {
        return gaussianAt(stream(seed, a, b), n);
    }

    /** {@link #gaussian} of the names {@code stream} was made from, and {@code n}. */
    static double gaussianAt(long stream, long n) {
        long h = hashAt(stream, n);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += ((h >>> (16 * i)) & 0xFFFF) / 65536.0;
        }
        return (sum - 2.0) * Math.sqrt(3.0);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
