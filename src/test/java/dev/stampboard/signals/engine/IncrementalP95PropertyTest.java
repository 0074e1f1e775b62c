package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random workloads (fixed seeds): the incrementally maintained P95 must equal both the engine's full
 * recompute from raw samples and an independent model that knows nothing of slots or sorted arrays.
 */
class IncrementalP95PropertyTest {

    /** Independent model: every accepted sample, by pool and minute. */
    private static final class Model {
        final Map<String, Map<Long, Float>> hotByPool = new HashMap<>();

        void accept(String pool, long minute, float cpu) {
            hotByPool.computeIfAbsent(pool, k -> new HashMap<>()).merge(minute, cpu, Math::max);
        }

        OptionalDouble p95(String pool, long from, long to) {
            float[] values = hotByPool.getOrDefault(pool, Map.of()).entrySet().stream()
                    .filter(e -> e.getKey() >= from && e.getKey() <= to)
                    .map(Map.Entry::getValue)
                    .collect(ArrayList<Float>::new, ArrayList::add, ArrayList::addAll)
                    .stream()
                    .collect(
                            () -> new float[][] {new float[0]},
                            (acc, v) -> {
                                acc[0] = Arrays.copyOf(acc[0], acc[0].length + 1);
                                acc[0][acc[0].length - 1] = v;
                            },
                            (a, b) -> {})[0];
            if (values.length == 0) {
                return OptionalDouble.empty();
            }
            Arrays.sort(values);
            int rank = (int) Math.ceil(values.length * 95 / 100.0 - 1e-9);
            return OptionalDouble.of(values[rank - 1]);
        }
    }

    @Test
    void incremental_p95_equals_full_recompute_on_random_workloads() {
        for (long seed = 1; seed <= 12; seed++) {
            runWorkload(seed);
        }
    }

    @Test
    void parallel_advance_of_a_large_fleet_matches_full_recompute() {
        Random random = new Random(99);
        SignalEngine engine =
                new SignalEngine(SignalSettings.defaults().withPeakWindow(new PeakWindow.Trailing(30)), T0);
        int stamps = 400; // 800 pools: above the threshold for splitting advanceTo over threads
        for (int s = 0; s < stamps; s++) {
            for (PoolKind kind : PoolKind.values()) {
                engine.declarePool("st" + s, kind, nodeNames(3));
            }
        }
        for (long now = T0; now < T0 + 80; now++) {
            engine.advanceTo(now);
            for (int s = 0; s < stamps; s++) {
                for (PoolKind kind : PoolKind.values()) {
                    if (random.nextInt(10) > 0) {
                        engine.recordCpu(
                                "st" + s, kind, "n" + random.nextInt(3), now - random.nextInt(2), random.nextInt(100));
                    }
                }
            }
        }
        engine.advanceTo(T0 + 80);
        double[] full = engine.recomputeAllP95FromSamples(false);
        List<String> labels = engine.poolLabels();
        for (int i = 0; i < labels.size(); i++) {
            String[] parts = labels.get(i).split("/");
            assertThat(engine.hotNodeP95(parts[0], PoolKind.valueOf(parts[1])))
                    .as(labels.get(i))
                    .hasValue(full[i]);
        }
    }

    /**
     * A 12 h window over 1,600 minutes per pool with load shapes that move the sorted top part's floor:
     * steady rises and falls (every new value above or below all others), long ties, plateaus with steps,
     * gaps longer than the window, and late samples that raise past minutes.
     */
    @Test
    void twelve_hour_window_with_ramps_ties_gaps_and_late_samples_matches_full_recompute() {
        Random random = new Random(7);
        SignalEngine engine = new SignalEngine(SignalSettings.defaults(), T0);
        int shapes = 6;
        for (int p = 0; p < shapes; p++) {
            engine.declarePool("ramp" + p, PoolKind.REGISTRY, nodeNames(3));
        }
        for (long now = T0; now < T0 + 1_600; now++) {
            engine.advanceTo(now);
            int t = (int) (now - T0);
            for (int p = 0; p < shapes; p++) {
                double cpu = switch (p) {
                    case 0 -> Math.min(100, t / 16.0); // rising: every value a new top
                    case 1 -> Math.max(0, 100 - t / 16.0); // falling: every value a new bottom
                    case 2 -> 50.0; // all ties
                    case 3 -> (t / 300) % 2 == 0 ? 20.0 + random.nextInt(3) : 80.0 + random.nextInt(3); // plateaus
                    case 4 -> (t % 900) < 150 ? -1 : random.nextDouble() * 100; // gaps
                    default -> 40 + 30 * Math.sin(t / 60.0) + random.nextDouble();
                };
                if (cpu >= 0) {
                    engine.recordCpu("ramp" + p, PoolKind.REGISTRY, "n" + random.nextInt(3), now, cpu);
                }
                if (random.nextInt(8) == 0) { // late sample, often raising a past minute
                    engine.recordCpu(
                            "ramp" + p,
                            PoolKind.REGISTRY,
                            "n" + random.nextInt(3),
                            now - random.nextInt(720),
                            random.nextDouble() * 100);
                }
            }
            if (t == 1_000) { // a collector backfills: far more late samples than one flush queue holds
                for (int k = 1; k < 700; k++) {
                    engine.recordCpu(
                            "ramp" + (k % shapes),
                            PoolKind.REGISTRY,
                            "n" + random.nextInt(3),
                            now - k,
                            random.nextDouble() * 100);
                }
            }
            if (t % 5 == 0 || t > 1_560) {
                for (int p = 0; p < shapes; p++) {
                    assertThat(engine.hotNodeP95("ramp" + p, PoolKind.REGISTRY))
                            .as("shape %d at minute %d", p, t)
                            .isEqualTo(engine.recomputeP95FromSamples("ramp" + p, PoolKind.REGISTRY));
                }
            }
        }
        engine.advanceTo(T0 + 1_600 + 700); // a jump: most of the window leaves at once
        for (int p = 0; p < shapes; p++) {
            assertThat(engine.hotNodeP95("ramp" + p, PoolKind.REGISTRY))
                    .isEqualTo(engine.recomputeP95FromSamples("ramp" + p, PoolKind.REGISTRY));
        }
    }

    private void runWorkload(long seed) {
        Random random = new Random(seed);
        int window = 5 + random.nextInt(60);
        int retention = window + random.nextInt(3) * random.nextInt(40);
        SignalSettings settings = SignalSettings.defaults().withPeakWindow(new PeakWindow.Trailing(window));
        settings = settings.withRetentionMinutes(Math.max(retention, settings.retentionMinutes()));
        SignalEngine engine = new SignalEngine(settings, T0);
        Model model = new Model();

        int stamps = 3;
        Map<String, Integer> nodesPerPool = new HashMap<>();
        for (int s = 0; s < stamps; s++) {
            for (PoolKind kind : PoolKind.values()) {
                int nodes = 1 + random.nextInt(6);
                engine.declarePool("st" + s, kind, nodeNames(nodes));
                nodesPerPool.put("st" + s + "/" + kind, nodes);
            }
        }

        long now = T0;
        for (int step = 0; step < 400; step++) {
            int action = random.nextInt(100);
            if (action < 8) {
                now += random.nextInt(100) < 5 ? window + random.nextInt(50) : 1 + random.nextInt(3);
                engine.advanceTo(now);
            } else if (action < 9) {
                String stamp = "st" + random.nextInt(stamps);
                PoolKind kind = PoolKind.values()[random.nextInt(2)];
                int grown = nodesPerPool.merge(stamp + "/" + kind, 1 + random.nextInt(3), Integer::sum);
                engine.declarePool(stamp, kind, nodeNames(grown));
            } else {
                String stamp = "st" + random.nextInt(stamps);
                PoolKind kind = PoolKind.values()[random.nextInt(2)];
                int nodes = nodesPerPool.get(stamp + "/" + kind);
                String node = "n" + random.nextInt(nodes);
                long minute = now
                        - (random.nextInt(10) < 7
                                ? random.nextInt(3)
                                : random.nextInt(settings.retentionMinutes() + 5));
                // coarse values make ties (equal hot values in several minutes) common
                double cpu = random.nextBoolean() ? random.nextInt(20) * 5.0 : random.nextDouble() * 100;
                SampleVerdict verdict = engine.recordCpu(stamp, kind, node, minute, cpu);
                if (verdict.accepted()) {
                    model.accept(stamp + "/" + kind, minute, (float) cpu);
                }
            }
            if (step % 7 == 0) {
                for (int s = 0; s < stamps; s++) {
                    for (PoolKind kind : PoolKind.values()) {
                        String pool = "st" + s + "/" + kind;
                        OptionalDouble incremental = engine.hotNodeP95("st" + s, kind);
                        assertThat(incremental)
                                .as("seed %d step %d %s vs full recompute", seed, step, pool)
                                .isEqualTo(engine.recomputeP95FromSamples("st" + s, kind));
                        assertThat(incremental)
                                .as("seed %d step %d %s vs model", seed, step, pool)
                                .isEqualTo(model.p95(pool, now - window + 1, now));
                    }
                }
            }
        }
        double[] all = engine.recomputeAllP95FromSamples(true);
        List<String> labels = engine.poolLabels();
        for (int i = 0; i < labels.size(); i++) {
            String[] parts = labels.get(i).split("/");
            OptionalDouble incremental = engine.hotNodeP95(parts[0], PoolKind.valueOf(parts[1]));
            assertThat(Double.isNaN(all[i]) ? OptionalDouble.empty() : OptionalDouble.of(all[i]))
                    .isEqualTo(incremental);
        }
    }

    private static List<String> nodeNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("n" + i);
        }
        return names;
    }
}
