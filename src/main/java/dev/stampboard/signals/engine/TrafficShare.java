package dev.stampboard.signals.engine;

/**
 * A replica's share of a stamp pool's traffic over the peak window: of requests for the REGISTRY pool,
 * of bytes for the DATAPROXY pool. {@code requests} and {@code bytes} are the replica's totals over the
 * minutes in which this stamp served it.
 */
public record TrafficShare(String registry, String region, double share, long requests, long bytes) {

    public String subject() {
        return registry + "@" + region;
    }
}
