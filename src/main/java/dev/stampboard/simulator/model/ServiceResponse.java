package dev.stampboard.simulator.model;

/**
 * How a stamp answers when its nodes run hot. The hottest pool of the serving stamp decides: a request crosses
 * both pools, so the more loaded one limits it. Shapes follow what an operator sees: nothing until a knee,
 * then steeply worse.
 */
final class ServiceResponse {

    /** Admission control starts rejecting (429) above this hot-node CPU. */
    static final double THROTTLE_KNEE = 85.0;
    /** 5xx share during a burst (a bad node, a storage hiccup). */
    static final double BURST_ERROR_RATE = 0.06;
    /** A burst lasts one block of this many minutes… */
    static final int BURST_MINUTES = 10;
    /** …and hits a replica about once every two weeks. */
    static final double BURST_PROBABILITY = 1.0 / (14 * 24 * 60 / BURST_MINUTES);

    private ServiceResponse() {}

    /** Share of requests throttled: 0 up to the knee, 2.8 % at 90 %, 25 % at 100 %. */
    static double throttledFraction(double hotCpu) {
        if (hotCpu <= THROTTLE_KNEE) {
            return 0.0;
        }
        double x = (hotCpu - THROTTLE_KNEE) / (100.0 - THROTTLE_KNEE);
        return 0.25 * x * x;
    }

    /**
     * Multiplier of the unloaded p99, from queueing (M/M/1-like: waiting grows as ρ/(1 − ρ)): 1.05 at 20 %,
     * 1.25 at 50 %, 2 at 80 %, 3.25 at 90 %, about 7 at 96 %; capped at 25 (a saturated node, ρ = 0.99).
     */
    static double latencyFactor(double hotCpu) {
        double rho = Math.max(0.0, Math.min(0.99, hotCpu / 100.0));
        return 1.0 + 0.25 * rho / (1.0 - rho);
    }

    /** Above this hot-node CPU a saturated node starts timing requests out: 5xx in bursts. */
    static final double SATURATION_ERRORS_FROM = 92.0;

    /**
     * Extra 5xx share from saturation: none below {@link #SATURATION_ERRORS_FROM}; above it, a minute is an
     * error burst (timeouts pile up) with a probability growing to one in two at 100 %, and then up to 8 % fail.
     */
    static double saturationErrorRate(long seed, String stamp, long epochMinute, double hotCpu) {
        if (hotCpu <= SATURATION_ERRORS_FROM) {
            return 0.0;
        }
        double x = Math.min(1.0, (hotCpu - SATURATION_ERRORS_FROM) / (100.0 - SATURATION_ERRORS_FROM));
        boolean burst = DeterministicNoise.uniform(seed, stamp, "saturation", epochMinute) < 0.5 * x;
        return burst ? 0.08 * x : 0.0;
    }

    static boolean inErrorBurst(long seed, String registry, String region, long epochMinute) {
        return inErrorBurst(burstStream(seed, registry, region), epochMinute);
    }

    /** The noise stream {@link #inErrorBurst} draws from for one replica (see {@link DeterministicNoise#stream}). */
    static long burstStream(long seed, String registry, String region) {
        return DeterministicNoise.stream(seed, registry, region + "/burst");
    }

    /** {@link #inErrorBurst} of the replica whose {@link #burstStream} this is. */
    static boolean inErrorBurst(long burstStream, long epochMinute) {
        long block = Math.floorDiv(epochMinute, BURST_MINUTES);
        return DeterministicNoise.uniformAt(burstStream, block) < BURST_PROBABILITY;
    }
}
