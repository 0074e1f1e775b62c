package dev.stampboard.simulator.model;

/**
 * In-flight requests a source stamp still serves after a replica's routing moved away. New requests go to the
 * destination at once; requests already running finish. By Little's law the stamp held (requests per second ×
 * mean request time) of them at the cutover; short manifest calls finish in a second or two, the long layer
 * pulls keep the tail alive until the registry's longest pull ends — 25 to 55 s, by registry (layer sizes).
 */
public final class SourceDrain {

    private SourceDrain() {}

    /** Seconds until the last in-flight request of {@code registry} finishes. */
    public static int drainSeconds(String registry) {
        return 25 + (int) (30 * DeterministicNoise.uniform(0xD8A1, registry, "longest pull", 0));
    }

    /**
     * In-flight requests {@code secondsAfterCutover} seconds after the cutover of a replica that was serving
     * {@code requestsPerMinute} with pulls of {@code bytesPerRequest} on average.
     */
    public static long inFlight(
            String registry, double requestsPerMinute, double bytesPerRequest, double secondsAfterCutover) {
        if (secondsAfterCutover < 0) {
            secondsAfterCutover = 0;
        }
        int longest = drainSeconds(registry);
        if (secondsAfterCutover >= longest) {
            return 0;
        }
        // mean request time: 50 ms of handling plus the transfer at ~50 MB/s per stream
        double meanSeconds = 0.05 + bytesPerRequest / 50e6;
        double atCutover = requestsPerMinute / 60.0 * meanSeconds;
        // most requests are short: the count falls fast, then a tail of long pulls until the longest ends
        double x = secondsAfterCutover / longest;
        double left = 0.8 * Math.exp(-8 * x) * (1 - x) + 0.2 * (1 - x) * (1 - x);
        return (long) Math.ceil(atCutover * left);
    }
}
