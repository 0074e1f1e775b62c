package dev.stampboard.signals.engine;

/**
 * Per-minute reactive signals. Rates are fractions (0.02 = 2 %), not percent, because they are
 * ratios of counters; a minute with zero requests has no value for any of them.
 */
public enum ReactiveMetric {
    /** throttled / requests. */
    THROTTLING_RATE,
    /** 5xx / requests. */
    ERROR_RATE,
    /** p99 pull latency in ms; for a stamp, the highest p99 among the replicas it served with requests that minute. */
    P99_LATENCY_MS
}
