package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every stamp pool of the region under prediction, as moves are added to the plan. */
final class FleetState {

    final Map<String, StampLoad> stamps = new LinkedHashMap<>();
    private final Map<String, Map<PoolKind, PredictedPool>> pools = new LinkedHashMap<>();

    FleetState(Iterable<StampLoad> loads) {
        for (StampLoad stamp : loads) {
            stamps.put(stamp.name(), stamp);
            Map<PoolKind, PredictedPool> byKind = new EnumMap<>(PoolKind.class);
            stamp.pools().forEach((kind, load) -> byKind.put(kind, new PredictedPool(load)));
            pools.put(stamp.name(), byKind);
        }
    }

    Map<PoolKind, PredictedPool> pools(String stamp) {
        return pools.getOrDefault(stamp, Map.of());
    }

    double worstOriginalP95(String stamp) {
        return pools(stamp).values().stream()
                .mapToDouble(PredictedPool::originalP95)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }

    double worstPredictedP95(String stamp) {
        return pools(stamp).values().stream()
                .mapToDouble(PredictedPool::predictedP95)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }

    /**
     * The load the registry brings to a destination, per pool (CPU points per minute in the source's terms): its
     * share of the source's load, times its calibrated arrival cost.
     */
    Map<PoolKind, float[]> loadOf(RegistryLoad registry) {
        Map<PoolKind, float[]> load = new EnumMap<>(PoolKind.class);
        pools(registry.homeStamp()).forEach((kind, pool) -> {
            float[] points = pool.loadOf(registry.share().getOrDefault(kind, new float[0]));
            double cost = registry.arrivalCost().getOrDefault(kind, 1.0);
            for (int t = 0; t < points.length; t++) {
                points[t] = (float) (points[t] * cost);
            }
            load.put(kind, points);
        });
        return load;
    }
}
