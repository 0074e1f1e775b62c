package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a version is trained and evaluated on: simulated regions of {@code stamps} stamps over {@code days} days,
 * one per training seed (a row every {@code trainEvery} minutes) and one per held-out seed (every
 * {@code evalEvery} minutes). Held-out seeds are other worlds: other stamps, customers, growth and bursts.
 */
public record TrainingPlan(
        int stamps,
        int days,
        List<Long> trainSeeds,
        List<Long> heldOutSeeds,
        int trainEvery,
        int evalEvery,
        FeatureSettings features,
        IncidentRule rule,
        ScoreTrainer.Options options,
        double operatingScore) {

    /** 40-stamp regions over 21 days: three to train on, two held out. */
    public static TrainingPlan standard(FeatureSettings features, IncidentRule rule, double operatingScore) {
        return new TrainingPlan(
                40,
                21,
                List.of(1L, 2L, 3L),
                List.of(101L, 102L),
                5,
                2,
                features,
                rule,
                ScoreTrainer.Options.DEFAULTS,
                operatingScore);
    }

    public TrainingPlan {
        trainSeeds = List.copyOf(trainSeeds);
        heldOutSeeds = List.copyOf(heldOutSeeds);
        if (trainSeeds.isEmpty() || heldOutSeeds.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one training and one held-out seed");
        }
        if (trainSeeds.stream().anyMatch(heldOutSeeds::contains)) {
            throw new IllegalArgumentException("a held-out seed must not be trained on");
        }
        if (stamps < 1 || days < 2 || trainEvery < 1 || evalEvery < 1) {
            throw new IllegalArgumentException("at least one stamp, two days and a row every minute or more");
        }
    }

    /** What training produced: the fitted model, its evaluation, and how much it saw. */
    public record Result(
            ScoreModel model,
            Evaluation evaluation,
            long trainingRows,
            long trainingPositives,
            long simulatedStampMinutes,
            long simulateMillis,
            long fitMillis) {}

    /** Simulates (on up to {@code threads} threads), fits and evaluates. Same plan, same result. */
    public Result run(int threads) {
        long started = System.nanoTime();
        List<SimulatedHistory> train = simulate(trainSeeds, trainEvery, threads);
        List<SimulatedHistory> heldOut = simulate(heldOutSeeds, evalEvery, threads);
        long simulated = System.nanoTime();
        ScoreModel model = ScoreTrainer.fit(train, options);
        long fitted = System.nanoTime();
        Evaluation evaluation = Evaluation.of(model, heldOut, operatingScore, rule);
        long rows = 0;
        long positives = 0;
        double[] row = new double[ScoreFeature.COUNT];
        for (SimulatedHistory h : train) {
            for (int s = 0; s < h.stamps(); s++) {
                for (int r = 0; r < h.rows(); r++) {
                    byte t = h.target(s, r);
                    if (t >= 0) {
                        rows++;
                        positives += t;
                    }
                }
            }
        }
        long stampMinutes = (long) stamps * days * 1440 * (trainSeeds.size() + heldOutSeeds.size());
        return new Result(
                model,
                evaluation,
                rows,
                positives,
                stampMinutes,
                (simulated - started) / 1_000_000,
                (fitted - simulated) / 1_000_000);
    }

    List<SimulatedHistory> simulate(List<Long> seeds, int every, int threads) {
        if (threads <= 1 || seeds.size() == 1) {
            return seeds.stream()
                    .map(seed -> SimulatedHistory.simulate(
                            new SimulatedHistory.World(stamps, seed, days), features, rule, every))
                    .toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, seeds.size()), r -> {
            Thread t = new Thread(r, "score-simulation");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        try {
            List<Future<SimulatedHistory>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> SimulatedHistory.simulate(
                        new SimulatedHistory.World(stamps, seed, days), features, rule, every)));
            }
            List<SimulatedHistory> out = new ArrayList<>();
            for (Future<SimulatedHistory> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulating a training world failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
