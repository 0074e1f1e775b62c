package dev.stampboard.signals.ingestion;

import org.jspecify.annotations.Nullable;

/**
 * One sample as it arrives at the ingestion edge: every field may be missing or malformed, and
 * each problem is reported for that sample alone.
 */
public record CpuSampleInput(
        @Nullable String stamp,
        @Nullable String pool,
        @Nullable String node,
        @Nullable String minute,
        @Nullable Double cpu) {}
