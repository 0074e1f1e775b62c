package dev.stampboard.planning.engine;

import java.util.Map;

import dev.stampboard.fleet.PoolKind;

/**
 * One registry replica on its home stamp: per minute its share (0..1) of each pool's traffic —
 * requests for REGISTRY, bytes for DATAPROXY — and how jumpy its p99 latency is.
 */
public record RegistryLoad(String registry, String homeStamp, Map<PoolKind, float[]> share, double latencyVolatility,
                           double peakRequestsPerMinute, double peakBytesPerMinute) {
}
