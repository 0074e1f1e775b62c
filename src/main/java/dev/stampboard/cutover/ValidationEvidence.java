package dev.stampboard.cutover;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a move's validation measured at the end of its window, beside the baseline taken before the
 * cutover (same length, same hours of the day) and the prediction.
 *
 * @param destinationPools pools of the destination stamp (predicted may be null: a new dedicated stamp)
 * @param sourcePools      pools of the source stamp
 * @param reactiveAlerts   reactive rules firing for the replica or its destination, as "subject: rule"
 */
record ValidationEvidence(@Nullable Double baselineP99Ms, @Nullable Double measuredP99Ms,
                          @Nullable Double baselineRequests, @Nullable Double measuredRequests,
                          List<MovePrediction> sourcePools, List<MovePrediction> destinationPools,
                          double threshold, List<String> reactiveAlerts) {
}
