package dev.stampboard.signals.ingestion;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One replica-minute of traffic as it arrives at the ingestion edge. Counts are decimals so that a
 * fractional or out-of-range count is reported for that row instead of failing the whole body.
 * {@code throttled} and {@code errors} default to 0; {@code p99Ms} is needed when there were requests.
 */
public record RegistryTrafficInput(
        @Nullable String registry,
        @Nullable String region,
        @Nullable String stamp,
        @Nullable String minute,
        @Nullable BigDecimal requests,
        @Nullable BigDecimal bytes,
        @Nullable BigDecimal throttled,
        @Nullable BigDecimal errors,
        @Nullable BigDecimal p99Ms) {}
