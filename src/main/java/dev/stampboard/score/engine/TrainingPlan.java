package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * What a version is trained and evaluated on: simulated regions of {@code stamps} stamps over {@code days} days,
 * one per training seed (a row every {@code trainEvery} minutes), one per validation seed and one per held-out seed
 * (every {@code evalEvery} minutes). Validation and held-out seeds are other worlds: other stamps, customers, growth
 * and bursts. The model is fitted on the training worlds, its operating score chosen on the validation worlds
 * ({@link OperatingPoint}; {@code operatingScore} when there are none or nothing qualifies), and both are evaluated
 * once on the held-out worlds.
 */
public record TrainingPlan(
        int stamps,
        int days,
        List<Long> trainSeeds,
        List<Long> validationSeeds,
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
                List.of(51L),
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
        validationSeeds = List.copyOf(validationSeeds);
        heldOutSeeds = List.copyOf(heldOutSeeds);
        if (trainSeeds.isEmpty() || heldOutSeeds.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one training and one held-out seed");
        }
        if (trainSeeds.stream().anyMatch(heldOutSeeds::contains)) {
            throw new IllegalArgumentException("a held-out seed must not be trained on");
        }
        for (long seed : validationSeeds) {
            if (trainSeeds.contains(seed) || heldOutSeeds.contains(seed)) {
                throw new IllegalArgumentException("a validation seed must be neither trained on nor held out");
            }
        }
        if (stamps < 1 || days < 2 || trainEvery < 1 || evalEvery < 1) {
            throw new IllegalArgumentException("at least one stamp, two days and a row every minute or more");
        }
    }

    /**
     * What training produced: the fitted model, how its operating score was chosen, its evaluation at that score,
     * the model's held-out figures at the configured score too (null when that is the chosen one), and how much it saw.
     */
    public record Result(
            ScoreModel model,
            OperatingPoint operatingPoint,
            Evaluation evaluation,
            @Nullable Metrics modelAtConfiguredScore,
            long trainingRows,
            long trainingPositives,
            long simulatedStampMinutes,
            long simulateMillis,
            long fitMillis) {}

    /** Simulates (on up to {@code threads} threads), fits and evaluates. Same plan, same result. */
    public Result run(int threads) {
        long started = System.nanoTime();
        List<SimulatedHistory> train = simulate(trainSeeds, trainEvery, threads);
        List<SimulatedHistory> validation = simulate(validationSeeds, evalEvery, threads);
        List<SimulatedHistory> heldOut = simulate(heldOutSeeds, evalEvery, threads);
        long simulated = System.nanoTime();
        ScoreModel model = ScoreTrainer.fit(train, options);
        long fitted = System.nanoTime();
        OperatingPoint point = OperatingPoint.choose(model, validation, operatingScore);
        Evaluation evaluation = Evaluation.of(model, heldOut, point.score(), rule);
        Metrics atConfigured = point.score() == operatingScore
                ? null
                : Evaluation.of(model, heldOut, operatingScore, rule).model();
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
        long stampMinutes =
                (long) stamps * days * 1440 * (trainSeeds.size() + validationSeeds.size() + heldOutSeeds.size());
        return new Result(
                model,
                point,
                evaluation,
                atConfigured,
                rows,
                positives,
                stampMinutes,
                (simulated - started) / 1_000_000,
                (fitted - simulated) / 1_000_000);
    }

    List<SimulatedHistory> simulate(List<Long> seeds, int every, int threads) {
        if (seeds.isEmpty()) {
            return List.of();
        }
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
