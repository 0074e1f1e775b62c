package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Hand-run benchmark of the signals engine (not part of the test suite; surefire excludes *Benchmark*).
 *
 * <p>Run from the worktree root:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.stampboard.signals.engine.HotNodeBenchmark
 * </pre>
 * Optional arguments pick sections: {@code full}, {@code minute} (includes memory), default both.
 *
 * <ol>
 *   <li><b>full</b>: hot-node P95 recomputed from raw samples for 500 stamps × 2 pools × 40 nodes × 720
 *       minutes (28.8 M samples) by the engine's full-recompute path, against a plain sum over a float[] of
 *       the same size and against DuckDB (in-memory, loaded with the Appender; load time is NOT in the timed
 *       part). Results are checked for equality against DuckDB and an independent naive sort.</li>
 *   <li><b>minute</b>: 2,000 stamps × 2 pools × 40 nodes filled with 12 h of data (memory measured before and
 *       after, heap used after GC), then each further minute: 160,000 recordCpu calls, then advanceTo, which
 *       applies the new minute's hot values to every pool's sorted window and expires the oldest minute —
 *       after it every pool's P95 is current.</li>
 * </ol>
 */
public final class HotNodeBenchmark {

    private static final long T0 = 29_000_000L;
    private static final int NODES = 40;
    private static final int MINUTES = 720;
    private static final PoolKind[] KINDS = PoolKind.values();

    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? List.of("full", "minute") : List.of(args);
        System.out.printf(
                Locale.ROOT,
                "JVM %s, %d cores, max heap %d MB%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("system load average at start: " + loadAverage()
                + " (other processes on this machine share the cores and the caches; figures are wall-clock)");
        if (sections.contains("full")) {
            fullRecompute(500);
            System.out.println("system load average: " + loadAverage());
        }
        if (sections.contains("minute")) {
            oneNewMinuteAndMemory(2_000);
            System.out.println("system load average: " + loadAverage());
        }
    }

    // =========================================================================== 1. full recompute

    private static void fullRecompute(int stamps) throws Exception {
        int pools = stamps * 2;
        System.out.printf(
                Locale.ROOT,
                "%n== 1. Full recompute: %d stamps x 2 pools x %d nodes x %d minutes = %.1f M samples%n",
                stamps,
                NODES,
                MINUTES,
                pools * (double) NODES * MINUTES / 1e6);
        // data[pool][minute][node], NO_SAMPLE where a node did not report
        float[] data = generate(pools, 42);
        long present = 0;
        for (float v : data) {
            if (v >= 0) {
                present++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "generated: %d samples present (%.2f %% missing)%n",
                present,
                100.0 * (data.length - present) / data.length);

        long now = T0 + MINUTES - 1;
        SignalEngine engine = new SignalEngine(SignalSettings.defaults(), now);
        long t = System.nanoTime();
        List<String> nodeNames = nodeNames();
        for (int p = 0; p < pools; p++) {
            engine.declarePool(stamp(p), KINDS[p % 2], nodeNames);
        }
        for (int p = 0; p < pools; p++) {
            String stamp = stamp(p);
            PoolKind kind = KINDS[p % 2];
            for (int m = 0; m < MINUTES; m++) {
                int base = (p * MINUTES + m) * NODES;
                for (int n = 0; n < NODES; n++) {
                    float v = data[base + n];
                    if (v >= 0) {
                        engine.recordCpu(stamp, kind, nodeNames.get(n), T0 + m, v);
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT, "engine load via recordCpu: %.0f ms (not timed below)%n", (System.nanoTime() - t) / 1e6);

        double[] naive = naiveP95(data, pools);
        double[] engineSingle = engine.recomputeAllP95FromSamples(false);
        double[] engineParallel = engine.recomputeAllP95FromSamples(true);
        requireSame("engine (1 thread) vs naive sort", engineSingle, naive);
        requireSame("engine (parallel) vs naive sort", engineParallel, naive);
        for (int p = 0; p < pools; p++) {
            OptionalDouble incremental = engine.hotNodeP95(stamp(p), KINDS[p % 2]);
            requireSame(
                    "engine incremental vs naive sort",
                    new double[] {incremental.orElse(Double.NaN)},
                    new double[] {naive[p]});
        }

        double[] sink = new double[1];
        double sumMs = medianMs(5, 15, () -> sink[0] += plainSum(data));
        double engineMs = medianMs(5, 15, () -> sink[0] += engine.recomputeAllP95FromSamples(false)[0]);
        double engineParMs = medianMs(5, 15, () -> sink[0] += engine.recomputeAllP95FromSamples(true)[0]);

        double duckMs;
        double duckLoadMs;
        try (DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE samples (pool INTEGER, minute INTEGER, cpu FLOAT)");
            t = System.nanoTime();
            try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples")) {
                for (int p = 0; p < pools; p++) {
                    for (int m = 0; m < MINUTES; m++) {
                        int base = (p * MINUTES + m) * NODES;
                        for (int n = 0; n < NODES; n++) {
                            float v = data[base + n];
                            if (v >= 0) {
                                appender.beginRow()
                                        .append(p)
                                        .append((int) (T0 + m))
                                        .append(v)
                                        .endRow();
                            }
                        }
                    }
                }
            }
            duckLoadMs = (System.nanoTime() - t) / 1e6;
            System.out.printf(Locale.ROOT, "DuckDB load via Appender: %.0f ms (not timed below)%n", duckLoadMs);

            String nearestRank = """
                    WITH hot AS (SELECT pool, minute, max(cpu) AS v FROM samples GROUP BY pool, minute),
                         ranked AS (SELECT pool, v,
                                           row_number() OVER (PARTITION BY pool ORDER BY v) AS rn,
                                           count(*) OVER (PARTITION BY pool) AS n
                                    FROM hot)
                    SELECT pool, v FROM ranked WHERE rn = (95 * n + 99) // 100 ORDER BY pool""";
            String quantileDisc = """
                    WITH hot AS (SELECT pool, minute, max(cpu) AS v FROM samples GROUP BY pool, minute)
                    SELECT pool, quantile_disc(v, 0.95) FROM hot GROUP BY pool ORDER BY pool""";
            double[] duckValues = query(sql, nearestRank, pools);
            requireSame("DuckDB row_number nearest-rank vs naive sort", duckValues, naive);
            double[] discValues = query(sql, quantileDisc, pools);
            int discMismatches = 0;
            for (int p = 0; p < pools; p++) {
                if (Double.compare(discValues[p], naive[p]) != 0) {
                    discMismatches++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "DuckDB quantile_disc(0.95) vs nearest-rank ceil(0.95 n): %s%n",
                    discMismatches == 0
                            ? "identical for all pools"
                            : discMismatches + " of " + pools + " pools differ (not used)");
            duckMs = medianMs(2, 7, () -> {
                try {
                    sink[0] += query(sql, nearestRank, pools)[0];
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        System.out.printf(
                Locale.ROOT,
                "values identical: engine (1 thread, parallel, incremental) = DuckDB = naive sort, %d pools%n",
                pools);
        System.out.printf(Locale.ROOT, "plain sum over float[%d]:        %8.1f ms (median)%n", data.length, sumMs);
        System.out.printf(
                Locale.ROOT,
                "engine full recompute, 1 thread:  %8.1f ms  = %.2fx the sum  (target <= 3x)%n",
                engineMs,
                engineMs / sumMs);
        System.out.printf(
                Locale.ROOT,
                "engine full recompute, parallel:  %8.1f ms  = %.2fx the sum%n",
                engineParMs,
                engineParMs / sumMs);
        System.out.printf(
                Locale.ROOT,
                "DuckDB SQL (query only):          %8.1f ms  -> engine 1 thread %.1fx faster, parallel %.1fx (target >= 20x)%n",
                duckMs,
                duckMs / engineMs,
                duckMs / engineParMs);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    private static float[] generate(int pools, long seed) {
        Random random = new Random(seed);
        float[] data = new float[pools * MINUTES * NODES];
        for (int p = 0; p < pools; p++) {
            float base = 10 + random.nextFloat() * 35;
            for (int m = 0; m < MINUTES; m++) {
                int row = (p * MINUTES + m) * NODES;
                boolean silentMinute = random.nextInt(500) == 0; // nobody reported
                float minuteLoad = base + (float) random.nextGaussian() * 4;
                for (int n = 0; n < NODES; n++) {
                    float v = Math.round(Math.max(0f, Math.min(100f, minuteLoad + (float) random.nextGaussian() * 8))
                                    * 100)
                            / 100f;
                    data[row + n] = silentMinute || random.nextInt(200) == 0 ? NodeCpuRing.NO_SAMPLE : v;
                }
            }
        }
        return data;
    }

    private static double plainSum(float[] data) {
        double sum = 0;
        for (float v : data) {
            sum += v;
        }
        return sum;
    }

    /** Independent of the engine: per-minute max, full sort, rank by exact decimal ceil(0.95 n). */
    private static double[] naiveP95(float[] data, int pools) {
        double[] result = new double[pools];
        for (int p = 0; p < pools; p++) {
            List<Float> hot = new ArrayList<>();
            for (int m = 0; m < MINUTES; m++) {
                float max = Float.NEGATIVE_INFINITY;
                boolean any = false;
                for (int n = 0; n < NODES; n++) {
                    float v = data[(p * MINUTES + m) * NODES + n];
                    if (v >= 0) {
                        any = true;
                        max = Math.max(max, v);
                    }
                }
                if (any) {
                    hot.add(max);
                }
            }
            if (hot.isEmpty()) {
                result[p] = Double.NaN;
                continue;
            }
            hot.sort(null);
            int rank = new BigDecimal("0.95")
                    .multiply(BigDecimal.valueOf(hot.size()))
                    .setScale(0, RoundingMode.CEILING)
                    .intValueExact();
            result[p] = hot.get(rank - 1);
        }
        return result;
    }

    private static double[] query(Statement sql, String query, int pools) throws Exception {
        double[] values = new double[pools];
        Arrays.fill(values, Double.NaN);
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values[rs.getInt(1)] = rs.getFloat(2);
            }
        }
        return values;
    }

    private static void requireSame(String what, double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(actual[i], expected[i]) != 0) {
                throw new AssertionError(
                        "MISMATCH " + what + " at pool " + i + ": " + actual[i] + " != " + expected[i]);
            }
        }
    }

    // =========================================================================== 2 + 3. one new minute, memory

    private static void oneNewMinuteAndMemory(int stamps) {
        int pools = stamps * 2;
        System.out.printf(
                Locale.ROOT,
                "%n== 2+3. One new minute and memory: %d stamps x 2 pools x %d nodes (%d samples per minute), 12 h kept%n",
                stamps,
                NODES,
                pools * NODES);
        long before = usedHeapAfterGc();
        SignalEngine engine = new SignalEngine(SignalSettings.defaults(), T0);
        List<String> nodeNames = nodeNames();
        String[] stampNames = new String[pools];
        for (int p = 0; p < pools; p++) {
            stampNames[p] = stamp(p);
            engine.declarePool(stampNames[p], KINDS[p % 2], nodeNames);
        }
        String[] nodes = nodeNames.toArray(String[]::new);
        long[] rng = {0x9E3779B97F4A7C15L};

        long t = System.nanoTime();
        for (int m = 0; m < MINUTES; m++) {
            engine.advanceTo(T0 + m);
            recordMinute(engine, stampNames, nodes, T0 + m, rng);
        }
        System.out.printf(
                Locale.ROOT,
                "filled 12 h (%d M recordCpu calls): %.1f s%n",
                (long) pools * NODES * MINUTES / 1_000_000,
                (System.nanoTime() - t) / 1e9);
        long after = usedHeapAfterGc();
        long rawBytes = (long) pools * NODES * MINUTES * Float.BYTES;
        System.out.printf(
                Locale.ROOT,
                "heap used after GC: before %.1f MB, after %.1f MB -> engine holds %.1f MB "
                        + "(raw float samples alone: %.1f MB); target <= 1024 MB, JVM max heap %d MB%n",
                before / 1e6,
                after / 1e6,
                (after - before) / 1e6,
                rawBytes / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);

        int measured = 200;
        double[] recordMs = new double[measured];
        double[] advanceMs = new double[measured];
        double[] readMs = new double[measured];
        double[] sink = new double[1];
        long minute = T0 + MINUTES - 1;
        for (int i = 0; i < measured; i++) {
            minute++;
            long a = System.nanoTime();
            engine.advanceTo(minute); // applies the previous minute's hot values, expires minute - 720
            long b = System.nanoTime();
            recordMinute(engine, stampNames, nodes, minute, rng);
            long c = System.nanoTime();
            for (int p = 0; p < pools; p++) {
                sink[0] += engine.hotNodeP95(stampNames[p], KINDS[p % 2]).orElse(0);
            }
            long d = System.nanoTime();
            advanceMs[i] = (b - a) / 1e6;
            recordMs[i] = (c - b) / 1e6;
            readMs[i] = (d - c) / 1e6;
        }
        // the reads above flushed the new minute, so the advance timings are expiry only; measure the
        // combined "apply new minute + expire oldest" path too, without reads in between
        double[] updateMs = new double[measured];
        minute++;
        engine.advanceTo(minute);
        recordMinute(engine, stampNames, nodes, minute, rng);
        for (int i = 0; i < measured; i++) {
            // now == minute and its 160,000 samples are recorded but not yet in any sorted window
            long a = System.nanoTime();
            engine.advanceTo(minute + 1);
            updateMs[i] = (System.nanoTime() - a) / 1e6;
            minute++;
            recordMinute(engine, stampNames, nodes, minute, rng);
        }
        double[] updateSingleMs = new double[measured];
        double[] updateSingleCpuMs = new double[measured];
        var threads = ManagementFactory.getThreadMXBean();
        engine.parallel = false;
        for (int i = 0; i < measured; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            engine.advanceTo(minute + 1);
            updateSingleMs[i] = (System.nanoTime() - a) / 1e6;
            updateSingleCpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            minute++;
            recordMinute(engine, stampNames, nodes, minute, rng);
        }
        engine.parallel = true;
        for (int p = 0; p < pools; p += 97) {
            OptionalDouble incremental = engine.hotNodeP95(stampNames[p], KINDS[p % 2]);
            OptionalDouble full = engine.recomputeP95FromSamples(stampNames[p], KINDS[p % 2]);
            if (!incremental.equals(full)) {
                throw new AssertionError("MISMATCH incremental " + incremental + " vs full " + full + " for pool " + p);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "record 160,000 samples (recordCpu, incl. hot-value upkeep): median %.2f ms, p99 %.2f ms%n",
                median(recordMs),
                percentile99(recordMs));
        System.out.printf(
                Locale.ROOT,
                "advanceTo = update every pool's P95 (insert new minute + expire oldest, %d pools): "
                        + "median %.3f ms, p99 %.3f ms (target median <= 2 ms)%n",
                pools,
                median(updateMs),
                percentile99(updateMs));
        System.out.printf(
                Locale.ROOT,
                "  same on 1 thread (parallel split off): median %.3f ms, p99 %.3f ms; "
                        + "CPU time of that thread: median %.3f ms (excludes time the OS gave the core to others)%n",
                median(updateSingleMs),
                percentile99(updateSingleMs),
                median(updateSingleCpuMs));
        System.out.printf(
                Locale.ROOT,
                "  of which expiry alone (new minute already applied by reads): median %.3f ms, p99 %.3f ms%n",
                median(advanceMs),
                percentile99(advanceMs));
        System.out.printf(
                Locale.ROOT,
                "read all %d P95s through hotNodeP95 (first read applies the new minute): median %.3f ms, p99 %.3f ms%n",
                pools,
                median(readMs),
                percentile99(readMs));
        System.out.printf(
                Locale.ROOT,
                "incremental P95 = full recompute for sampled pools; heap still used: %.1f MB%n",
                usedHeapAfterGc() / 1e6);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    /** One minute for every pool: each node reports once, in a shuffled-looking order, values 0..100. */
    private static void recordMinute(SignalEngine engine, String[] stamps, String[] nodes, long minute, long[] rng) {
        for (int p = 0; p < stamps.length; p++) {
            PoolKind kind = KINDS[p % 2];
            int offset = (int) ((minute * 7 + p) % NODES);
            for (int k = 0; k < NODES; k++) {
                long x = rng[0];
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                rng[0] = x;
                double cpu = ((x >>> 11) % 10_001) / 100.0;
                SampleVerdict verdict = engine.recordCpu(stamps[p], kind, nodes[(offset + k) % NODES], minute, cpu);
                if (!verdict.accepted()) {
                    throw new AssertionError(verdict.reason());
                }
            }
        }
    }

    // =========================================================================== helpers

    private static String stamp(int pool) {
        return "stamp-" + (pool / 2);
    }

    private static List<String> nodeNames() {
        List<String> names = new ArrayList<>(NODES);
        for (int n = 0; n < NODES; n++) {
            names.add(String.format(Locale.ROOT, "vmss_%06d", n));
        }
        return names;
    }

    private static double medianMs(int warmup, int iterations, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] times = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile99(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
