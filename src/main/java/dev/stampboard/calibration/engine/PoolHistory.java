package dev.stampboard.calibration.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.Map;

/**
 * A pool's observed minutes: traffic per node (requests or bytes) beside the hot-node CPU of the same minute, and
 * each registry's own traffic there (requests or bytes per minute, whole pool), from which its cost is fitted.
 */
public record PoolHistory(
        String stamp, PoolKind pool, double[] trafficPerNode, double[] hotCpu, Map<String, double[]> registryTraffic) {

    public PoolHistory {
        registryTraffic = Map.copyOf(registryTraffic);
    }

    public PoolHistory(String stamp, PoolKind pool, double[] trafficPerNode, double[] hotCpu) {
        this(stamp, pool, trafficPerNode, hotCpu, Map.of());
    }
}
