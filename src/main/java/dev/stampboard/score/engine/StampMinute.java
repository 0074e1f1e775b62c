package dev.stampboard.score.engine;

/**
 * What one stamp measured in one minute, the way the signals engine aggregates it: each pool's hot-node value
 * (highest node CPU, NaN when no node reported), the stamp's requests, throttled and 5xx shares of them (NaN
 * without requests), the highest p99 among the replicas it served with requests (NaN without), and the biggest
 * customer's share of the requests (NaN without).
 */
public record StampMinute(
        double hotRegistry,
        double hotDataproxy,
        long requests,
        double throttlingRate,
        double errorRate,
        double p99Ms,
        double topCustomerShare) {

    /** A minute in which nothing was reported. */
    public static final StampMinute SILENT =
            new StampMinute(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The hotter pool's value, NaN when neither reported. */
    public double hottest() {
        if (Double.isNaN(hotRegistry)) {
            return hotDataproxy;
        }
        return Double.isNaN(hotDataproxy) ? hotRegistry : Math.max(hotRegistry, hotDataproxy);
    }
}
