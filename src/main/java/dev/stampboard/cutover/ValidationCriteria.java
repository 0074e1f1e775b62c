package dev.stampboard.cutover;

/**
 * When a validated move passes, is marginal or fails. Latency and throughput are compared with the
 * registry's own pre-move baseline (ratios); hot-node P95 with the threshold, the target
 * (threshold − margin) and the prediction.
 *
 * @param latencyMarginalRatio   p99 above baseline × this → marginal
 * @param latencyFailRatio       p99 above baseline × this → fail
 * @param throughputMarginalRatio requests below baseline × this → marginal
 * @param throughputFailRatio    requests below baseline × this → fail
 * @param predictionMarginalPp   measured P95 above the prediction by more than this → marginal
 * @param marginPp               target = hot threshold − margin; a destination above target → marginal
 */
public record ValidationCriteria(
        double latencyMarginalRatio,
        double latencyFailRatio,
        double throughputMarginalRatio,
        double throughputFailRatio,
        double predictionMarginalPp,
        double marginPp) {

    public ValidationCriteria {
        if (!(latencyFailRatio >= latencyMarginalRatio && latencyMarginalRatio >= 1)) {
            throw new IllegalArgumentException("Validation needs 1 <= latency-marginal-ratio <= latency-fail-ratio");
        }
        if (!(throughputFailRatio <= throughputMarginalRatio
                && throughputMarginalRatio <= 1
                && throughputFailRatio >= 0)) {
            throw new IllegalArgumentException(
                    "Validation needs 0 <= throughput-fail-ratio <= throughput-marginal-ratio <= 1");
        }
    }

    public static ValidationCriteria defaults() {
        return new ValidationCriteria(1.2, 1.5, 0.8, 0.5, 5.0, 5.0);
    }
}
