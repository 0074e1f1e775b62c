package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named planning fixtures. Every stamp has both pools with 10 nodes and an idle baseline of 5 %;
 * a stamp's minute series is flat at its level (so its P95 is that level) unless said otherwise,
 * and a registry's share is the same in every minute.
 */
final class Fleets {

    static final int MINUTES = 60;
    static final double B = 5.0;

    private final List<StampLoad> stamps = new ArrayList<>();
    private final List<RegistryLoad> registries = new ArrayList<>();
    private PlanningSettings settings = PlanningSettings.defaults();

    static Fleets region() {
        return new Fleets();
    }

    Fleets stamp(String name, double level) {
        return stamp(name, level, level, true, true, false, 10);
    }

    Fleets stamp(
            String name,
            double registryLevel,
            double dataproxyLevel,
            boolean shared,
            boolean active,
            boolean inRollout,
            int nodes) {
        Map<PoolKind, PoolLoad> pools = new EnumMap<>(PoolKind.class);
        pools.put(PoolKind.REGISTRY, new PoolLoad(nodes, B, flat(registryLevel)));
        pools.put(PoolKind.DATAPROXY, new PoolLoad(nodes, B, flat(dataproxyLevel)));
        stamps.add(new StampLoad(name, shared, active, inRollout, pools));
        return this;
    }

    /** A registry with the same share of both pools of its home stamp in every minute. */
    Fleets registry(String name, String home, double share) {
        Map<PoolKind, float[]> shares = new EnumMap<>(PoolKind.class);
        shares.put(PoolKind.REGISTRY, constant((float) share));
        shares.put(PoolKind.DATAPROXY, constant((float) share));
        registries.add(new RegistryLoad(name, home, shares, 0.1, 6000 * share * 100, 5e9 * share * 100));
        return this;
    }

    Fleets settings(PlanningSettings settings) {
        this.settings = settings;
        return this;
    }

    PlanningInput input() {
        return new PlanningInput("testland", 0, List.copyOf(stamps), List.copyOf(registries), settings, Set.of());
    }

    Plan plan() {
        return new Planner().plan(input());
    }

    static float[] flat(double level) {
        return constant((float) level);
    }

    static float[] constant(float v) {
        float[] a = new float[MINUTES];
        Arrays.fill(a, v);
        return a;
    }

    // ---- named fleets ----------------------------------------------------------------------

    /** eus-hot at 80 % with registries of 40, 20, 10, 5 % share; two cool stamps at 10 %. */
    static Fleets oneHotStampTwoCoolOnes() {
        return region().stamp("hot", 80)
                .stamp("cool-a", 10)
                .stamp("cool-b", 12)
                .registry("big.azurecr.io", "hot", 0.40)
                .registry("mid.azurecr.io", "hot", 0.20)
                .registry("small.azurecr.io", "hot", 0.10)
                .registry("tiny.azurecr.io", "hot", 0.005);
    }
}
