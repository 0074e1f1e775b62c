package dev.stampboard.signals.engine;

/**
 * What a replica served in one minute: requests, bytes, how many requests were throttled or failed, and
 * the p99 latency (meaningful only when there were requests). Checked by the engine, not here, so a bad
 * record is refused with a {@link SampleVerdict} rather than an exception.
 */
public record TrafficCounts(long requests, long bytes, long throttled, long errors, double p99Ms) {}
