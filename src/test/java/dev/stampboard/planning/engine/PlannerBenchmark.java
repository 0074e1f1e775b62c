package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 4's speed target: a region of 500 stamps and 50,000 registries (720 minutes) planned in
 * under 2 s. One stamp in ten is hot; each stamp's 100 registries have Zipf-like shares.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; \
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.stampboard.planning.engine.PlannerBenchmark
 * </pre>
 */
public final class PlannerBenchmark {

    public static void main(String[] args) {
        int stampCount = 500;
        int perStamp = 100;
        int minutes = 720;
        Random random = new Random(42);
        List<StampLoad> stamps = new ArrayList<>();
        List<RegistryLoad> registries = new ArrayList<>();
        for (int s = 0; s < stampCount; s++) {
            String name = String.format("bench-s%03d", s);
            double level = s % 10 == 0 ? 50 + random.nextDouble() * 45 : 8 + random.nextDouble() * 27;
            Map<PoolKind, PoolLoad> pools = new EnumMap<>(PoolKind.class);
            for (PoolKind kind : PoolKind.values()) {
                float[] hot = new float[minutes];
                for (int t = 0; t < minutes; t++) {
                    double daily = 0.8 + 0.2 * Math.sin(t * 2 * Math.PI / 1440);
                    hot[t] = (float) Math.min(100, level * daily * (0.95 + 0.1 * random.nextDouble()));
                }
                pools.put(kind, new PoolLoad(10 + random.nextInt(20), 6, hot));
            }
            stamps.add(new StampLoad(name, true, true, false, pools));
            double[] weights = new double[perStamp];
            double sum = 0;
            for (int r = 0; r < perStamp; r++) {
                weights[r] = 1.0 / Math.pow(r + 1, 1.1);
                sum += weights[r];
            }
            for (int r = 0; r < perStamp; r++) {
                Map<PoolKind, float[]> share = new EnumMap<>(PoolKind.class);
                for (PoolKind kind : PoolKind.values()) {
                    float[] sh = new float[minutes];
                    Arrays.fill(sh, (float) (weights[r] / sum));
                    share.put(kind, sh);
                }
                registries.add(
                        new RegistryLoad(name + "-r" + r + ".azurecr.io", name, share, random.nextDouble(), 1000, 1e9));
            }
        }
        PlanningInput input = new PlanningInput("bench", 0, stamps, registries, PlanningSettings.defaults(), Set.of());
        System.out.printf("region: %d stamps, %d registries, %d minutes%n", stamps.size(), registries.size(), minutes);
        long[] times = new long[5];
        Plan plan = null;
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            plan = new Planner().plan(input);
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf(
                "plan: %d moves, %d isolations, %d predictions%n",
                plan.moves().size(), plan.isolation().size(), plan.predictions().size());
        System.out.printf(
                "planning time: median %.0f ms, min %.0f ms, max %.0f ms (n=%d; target < 2000 ms)%n",
                times[times.length / 2] / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6, times.length);
    }
}
