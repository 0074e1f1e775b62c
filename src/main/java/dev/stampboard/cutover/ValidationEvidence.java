package dev.stampboard.cutover;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a move's validation measured, beside the baseline taken before the cutover and the prediction.
 * Latency and throughput are over the whole watched window; pool P95s are the signals' trailing peak window at
 * the end (the terms the prediction was made in), and {@code windowPools} the destination's P95 over the whole window.
 *
 * @param destinationPools pools of the destination stamp (predicted may be null: a new dedicated stamp)
 * @param sourcePools      pools of the source stamp
 * @param reactiveAlerts   reactive rules firing for the replica or its destination, as "subject: rule"
 * @param windowPools      the destination's pools over the whole watched window
 * @param drain            how the source drained, in words (null when not recorded)
 * @param sustainedFailure a fail criterion found sustained during the window (null when none was)
 */
record ValidationEvidence(
        @Nullable Double baselineP99Ms,
        @Nullable Double measuredP99Ms,
        @Nullable Double baselineRequests,
        @Nullable Double measuredRequests,
        List<MovePrediction> sourcePools,
        List<MovePrediction> destinationPools,
        double threshold,
        List<String> reactiveAlerts,
        List<WindowPool> windowPools,
        @Nullable String drain,
        @Nullable String sustainedFailure) {

    ValidationEvidence(
            @Nullable Double baselineP99Ms,
            @Nullable Double measuredP99Ms,
            @Nullable Double baselineRequests,
            @Nullable Double measuredRequests,
            List<MovePrediction> sourcePools,
            List<MovePrediction> destinationPools,
            double threshold,
            List<String> reactiveAlerts) {
        this(
                baselineP99Ms,
                measuredP99Ms,
                baselineRequests,
                measuredRequests,
                sourcePools,
                destinationPools,
                threshold,
                reactiveAlerts,
                List.of(),
                null,
                null);
    }

    /** A destination pool over the whole window: its P95 and how many minutes were above the threshold. */
    record WindowPool(String stamp, String pool, double p95, int minutes, int minutesAboveThreshold) {}
}
