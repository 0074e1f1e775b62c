package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.Map;

/**
 * One registry replica on its home stamp: per minute its share (0..1) of each pool's traffic —
 * requests for REGISTRY, bytes for DATAPROXY — and how jumpy its p99 latency is.
 * {@code arrivalCost} scales the load it brings to a destination, per pool kind: 1 (or absent) is DESIGN §3's model
 * as it is, other values come from calibration (its requests or bytes cost more or less than the pool's average).
 */
public record RegistryLoad(
        String registry,
        String homeStamp,
        Map<PoolKind, float[]> share,
        double latencyVolatility,
        double peakRequestsPerMinute,
        double peakBytesPerMinute,
        Map<PoolKind, Double> arrivalCost) {

    public RegistryLoad {
        arrivalCost = Map.copyOf(arrivalCost);
    }

    public RegistryLoad(
            String registry,
            String homeStamp,
            Map<PoolKind, float[]> share,
            double latencyVolatility,
            double peakRequestsPerMinute,
            double peakBytesPerMinute) {
        this(registry, homeStamp, share, latencyVolatility, peakRequestsPerMinute, peakBytesPerMinute, Map.of());
    }
}
