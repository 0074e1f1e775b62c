package dev.stampboard.simulator.model;

/**
 * What one replica did in one minute on the stamp that served it. {@code requests} counts all requests,
 * including the {@code throttled} ones (HTTP 429) and the {@code errors} (5xx). {@code p99LatencyMs} is 0 in a
 * minute without requests.
 */
public record ReplicaTraffic(
        String registry,
        String region,
        String stamp,
        long requests,
        long bytes,
        long throttled,
        long errors,
        double p99LatencyMs) {}
