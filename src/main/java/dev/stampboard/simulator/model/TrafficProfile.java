package dev.stampboard.simulator.model;

/**
 * How much traffic one replica of a registry makes.
 *
 * @param peakRequestsPerMinute requests per minute during the region's busy hours (before noise)
 * @param bytesPerRequest       average bytes served per request (blob pulls dominate)
 * @param dailyAmplitude        0 = flat all day; 0.6 = the night trough is 40 % of the peak
 * @param noise                 relative standard deviation of the per-minute noise (0.05 = 5 %)
 * @param errorRate             steady share of requests answered with 5xx (0.001 = 0.1 %)
 * @param baseP99LatencyMs      p99 pull latency on an unloaded stamp
 */
public record TrafficProfile(
        double peakRequestsPerMinute,
        double bytesPerRequest,
        double dailyAmplitude,
        double noise,
        double errorRate,
        double baseP99LatencyMs) {

    public static final double DEFAULT_ERROR_RATE = 0.001;

    public TrafficProfile {
        if (peakRequestsPerMinute < 0 || bytesPerRequest < 0) {
            throw new IllegalArgumentException("traffic cannot be negative");
        }
        if (dailyAmplitude < 0 || dailyAmplitude > 1) {
            throw new IllegalArgumentException("dailyAmplitude must be within [0, 1]: " + dailyAmplitude);
        }
        if (noise < 0 || errorRate < 0 || errorRate > 1 || baseP99LatencyMs < 0) {
            throw new IllegalArgumentException("noise, errorRate and latency must be non-negative");
        }
    }

    /** A profile with the default error rate and a p99 latency that grows with the size of what is pulled. */
    public TrafficProfile(double peakRequestsPerMinute, double bytesPerRequest, double dailyAmplitude, double noise) {
        this(
                peakRequestsPerMinute,
                bytesPerRequest,
                dailyAmplitude,
                noise,
                DEFAULT_ERROR_RATE,
                defaultP99LatencyMs(bytesPerRequest));
    }

    /** 60 ms of request handling plus the transfer at about 50 MB/s per stream. */
    static double defaultP99LatencyMs(double bytesPerRequest) {
        return 60.0 + bytesPerRequest / 50_000_000.0 * 1000.0;
    }
}
