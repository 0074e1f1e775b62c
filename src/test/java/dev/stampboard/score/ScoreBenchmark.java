package dev.stampboard.score;

import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.FeatureTracker;
import dev.stampboard.score.engine.IncidentRule;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.ScoreTrainer;
import dev.stampboard.score.engine.SimulatedHistory;
import dev.stampboard.score.engine.StampMinute;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 16's speed targets, measured (not a test): scoring 2,000 stamps in one minute (target ≤ 5 ms: each stamp's
 * observe, features, score and logit (the breakdown is computed when read), what {@code ScoreService} does per stamp once the minute's observations
 * are read), and training on 30 simulated days of a 50-stamp region (target ≤ 60 s: simulating the world minute by
 * minute through the feature trackers, then the Tribuo fit). Run:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.stampboard.score.ScoreBenchmark [stamps] [days]}.
 */
public final class ScoreBenchmark {

    public static void main(String[] args) {
        int stamps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        scoring(2_000, 720, 300);
        training(stamps, days);
    }

    /** A stamp's minute {@code m} around its {@code base} load: a slow wave, noise, throttling above 85 %. */
    static StampMinute syntheticMinute(Random random, double base, int m) {
        double hot = Math.min(100, base * (0.8 + 0.2 * Math.sin(m / 229.0)) + 2 * random.nextGaussian());
        return new StampMinute(
                hot * 0.8,
                hot,
                1000 + random.nextInt(100),
                hot > 85 ? 0.02 : 0.0,
                0.001,
                100 + hot,
                0.3 + 0.2 * random.nextDouble());
    }

    static void scoring(int stamps, int warmupMinutes, int measuredMinutes) {
        Random random = new Random(16);
        FeatureTracker[] trackers = new FeatureTracker[stamps];
        double[] base = new double[stamps];
        for (int s = 0; s < stamps; s++) {
            trackers[s] = new FeatureTracker(FeatureSettings.DEFAULTS);
            base[s] = 10 + 80 * random.nextDouble();
        }
        double[] ones = new double[ScoreFeature.COUNT];
        Arrays.fill(ones, 1.0);
        ScoreModel model = new ScoreModel(new double[ScoreFeature.COUNT], ones, ones, -5.0);
        // the minute's observations are made before the clock starts: reading them is the signals' cost, not ours
        StampMinute[][] minutes = new StampMinute[warmupMinutes + measuredMinutes][stamps];
        for (int m = 0; m < minutes.length; m++) {
            for (int s = 0; s < stamps; s++) {
                minutes[m][s] = syntheticMinute(random, base[s], m);
            }
        }
        double[] features = new double[ScoreFeature.COUNT];
        long[] nanos = new long[measuredMinutes];
        long[] cpu = new long[measuredMinutes];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int m = 0; m < minutes.length; m++) {
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < stamps; s++) {
                trackers[s].observe(minutes[m][s]);
                trackers[s].features(features);
                sink += model.logit(features);
            }
            long took = System.nanoTime() - started;
            if (m >= warmupMinutes) {
                nanos[m - warmupMinutes] = took;
                cpu[m - warmupMinutes] = threads.getCurrentThreadCpuTime() - startedCpu;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "scoring %,d stamps per minute (observe, features, logit): wall median %.2f ms, p95 %.2f ms;"
                        + " thread CPU median %.2f ms, p95 %.2f ms; over %d minutes (target <= 5 ms) [%s]%n",
                stamps,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6,
                cpu[cpu.length / 2] / 1e6,
                cpu[(int) (cpu.length * 0.95)] / 1e6,
                measuredMinutes,
                Double.isFinite(sink) ? "ok" : "?");
    }

    static void training(int stamps, int days) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long startedCpu = threads.getCurrentThreadCpuTime();
        SimulatedHistory history = SimulatedHistory.simulate(
                new SimulatedHistory.World(stamps, 1, days), FeatureSettings.DEFAULTS, IncidentRule.DEFAULTS, 5);
        long simulated = System.nanoTime();
        long simulatedCpu = threads.getCurrentThreadCpuTime();
        ScoreModel model = ScoreTrainer.fit(List.of(history), ScoreTrainer.Options.DEFAULTS);
        long fitted = System.nanoTime();
        long fittedCpu = threads.getCurrentThreadCpuTime();
        System.out.printf(
                Locale.ROOT,
                "training on %d days of a %d-stamp region (%,d stamp-minutes, %,d rows): simulating %.1f s wall /"
                        + " %.1f s CPU, fitting %.1f s wall / %.1f s CPU, total %.1f s wall / %.1f s CPU"
                        + " (target <= 60 s); intercept %.3f%n",
                days,
                stamps,
                history.world().stampMinutes(),
                history.usableRows(),
                (simulated - started) / 1e9,
                (simulatedCpu - startedCpu) / 1e9,
                (fitted - simulated) / 1e9,
                (fittedCpu - simulatedCpu) / 1e9,
                (fitted - started) / 1e9,
                (fittedCpu - startedCpu) / 1e9,
                model.intercept());
    }
}
