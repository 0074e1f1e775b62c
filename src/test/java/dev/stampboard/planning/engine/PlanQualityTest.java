package dev.stampboard.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On instances small enough to solve exactly, the planner relieves the hot stamp with at most one
 * relocation (move or isolation) more than the fewest possible, and never sends a registry to a
 * stamp whose predicted P95 ends above target.
 */
class PlanQualityTest {

    private static final int MINUTES = 120;

    @Test
    void within_one_relocation_of_the_optimum_and_never_overloads_a_destination() {
        int solved = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            PlanningInput input = instance(random);
            StampLoad hot = input.stamps().get(0);
            int optimum = optimum(hot, input.registries(), input.settings().target());
            if (optimum < 0) {
                continue; // not even moving everything reaches target: no optimum to compare with
            }
            solved++;
            Plan plan = new Planner().plan(input);
            int relocations = plan.moves().size() + plan.isolation().size();
            assertThat(relocations)
                    .as("seed %d: planner %d vs optimum %d", seed, relocations, optimum)
                    .isLessThanOrEqualTo(optimum + 1);
            double after = plan.predictions().stream()
                    .filter(p -> p.stamp().equals("hot"))
                    .mapToDouble(Prediction::after)
                    .max()
                    .orElseThrow();
            assertThat(after)
                    .as("seed %d: source relieved", seed)
                    .isLessThanOrEqualTo(input.settings().target() + 1e-6);
            long instance = seed;
            for (PlannedMove m : plan.moves()) {
                plan.predictions().stream()
                        .filter(p -> p.stamp().equals(m.to()))
                        .forEach(p -> assertThat(p.after())
                                .as("seed %d: %s on %s", instance, p.pool(), m.to())
                                .isLessThanOrEqualTo(input.settings().target() + 1e-6));
            }
        }
        assertThat(solved).as("instances with an optimum").isGreaterThan(30);
    }

    /** Fewest registries whose removal brings every pool of the source to target (isolation is always possible). */
    static int optimum(StampLoad hot, List<RegistryLoad> registries, double target) {
        int n = registries.size();
        int best = -1;
        for (int mask = 0; mask < (1 << n); mask++) {
            int size = Integer.bitCount(mask);
            if (best >= 0 && size >= best) {
                continue;
            }
            boolean ok = true;
            for (PoolKind kind : PoolKind.values()) {
                PredictedPool pool = new PredictedPool(hot.pools().get(kind));
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        pool.remove(registries.get(i).share().get(kind));
                    }
                }
                ok &= pool.predictedP95() <= target;
            }
            if (ok) {
                best = size;
            }
        }
        return best;
    }

    private static PlanningInput instance(Random random) {
        List<StampLoad> stamps = new ArrayList<>();
        stamps.add(stamp("hot", 55 + random.nextDouble() * 40, random, 10));
        int destinations = 2 + random.nextInt(2);
        for (int d = 0; d < destinations; d++) {
            stamps.add(stamp("dest" + d, 5 + random.nextDouble() * 25, random, 8 + random.nextInt(8)));
        }
        int count = 6 + random.nextInt(3);
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = Math.pow(random.nextDouble(), 2);
            sum += weights[i];
        }
        double total = 0.5 + random.nextDouble() * 0.45;
        List<RegistryLoad> registries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<PoolKind, float[]> share = new EnumMap<>(PoolKind.class);
            for (PoolKind kind : PoolKind.values()) {
                float[] s = new float[MINUTES];
                for (int t = 0; t < MINUTES; t++) {
                    s[t] = (float) (weights[i] / sum * total * (0.85 + 0.3 * random.nextDouble()));
                }
                share.put(kind, s);
            }
            registries.add(new RegistryLoad("r" + i + ".azurecr.io", "hot", share, random.nextDouble(), 1000, 1e9));
        }
        return new PlanningInput("testland", 0, stamps, registries, PlanningSettings.defaults(), Set.of());
    }

    private static StampLoad stamp(String name, double level, Random random, int nodes) {
        Map<PoolKind, PoolLoad> pools = new EnumMap<>(PoolKind.class);
        for (PoolKind kind : PoolKind.values()) {
            float[] hot = new float[MINUTES];
            for (int t = 0; t < MINUTES; t++) {
                hot[t] = (float) Math.min(100, level * (0.9 + 0.2 * random.nextDouble()));
            }
            pools.put(kind, new PoolLoad(nodes, 5.0, hot));
        }
        return new StampLoad(name, true, true, false, pools);
    }
}
