package dev.stampboard.capacity;

import dev.stampboard.fleet.PoolKind;

/**
 * One pool's capacity recommendation (issue 17): scale its scale set from {@code currentInstances} to
 * {@code recommendedInstances}. {@code predictedP95} is the hot-node P95 the calibrated prediction model predicts on
 * the recommended count (growth over the scale-out horizon included); {@code monthlySaving} is what the change saves a
 * month at the pool's node price (negative for a scale-out: it costs). {@code reason} says why in one sentence.
 */
public record CapacityRecommendation(
        String stamp,
        PoolKind pool,
        int currentInstances,
        int recommendedInstances,
        double predictedP95,
        double monthlySaving,
        String reason) {

    public boolean scaleIn() {
        return recommendedInstances < currentInstances;
    }
}
