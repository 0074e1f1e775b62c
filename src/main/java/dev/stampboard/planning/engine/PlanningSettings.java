package dev.stampboard.planning.engine;

/**
 * The planner's knobs. Target = threshold − margin. A registry whose peak contribution is below
 * {@code lowShareMax} is low-traffic (phase 1), at or above {@code highShareMin} high-traffic (phase 3,
 * one at a time); {@code maxShareOfSharedStamp} is the most of a destination pool's capacity one
 * registry may take before a dedicated stamp is the better home.
 */
public record PlanningSettings(
        double threshold,
        double margin,
        double lowShareMax,
        double highShareMin,
        int mediumBatchSize,
        int mediumObservationHours,
        int highObservationHours,
        double maxShareOfSharedStamp,
        SizingSettings sizing) {

    public PlanningSettings {
        if (margin < 0 || threshold <= margin) {
            throw new IllegalArgumentException("threshold must be above the margin");
        }
        if (lowShareMax > highShareMin) {
            throw new IllegalArgumentException("the low-traffic cut-off must not be above the high-traffic one");
        }
        if (mediumBatchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one move");
        }
    }

    public static PlanningSettings defaults() {
        return new PlanningSettings(45.0, 5.0, 0.01, 0.10, 4, 24, 48, 0.5, SizingSettings.defaults());
    }

    public double target() {
        return threshold - margin;
    }
}
