package dev.stampboard.capacity.engine;

/**
 * The recommendation's knobs.
 *
 * @param hotThreshold       a pool is HOT above this hot-node P95 (the signals' threshold)
 * @param margin             target = threshold − margin (the planner's target, DESIGN §4)
 * @param headroomPp         a recommended size keeps the predicted P95 this many points below the target
 * @param floorNodes         no pool is sized below this many nodes (fault tolerance)
 * @param scaleOutWithinDays scale out when the forecast crosses the threshold within this many days; growth over
 *                           this many days is also added before sizing down
 * @param maxScaleInStep     the largest fraction of a pool's nodes one scale-in gives back (0.5: at most half). The
 *                           model extrapolates from the node count it measured; a pool's hot node is not the same
 *                           multiple of its mean on a quarter of the nodes, so a deeper cut is made in steps, each
 *                           sized from a window measured at the size before it
 */
public record CapacitySettings(
        double hotThreshold,
        double margin,
        double headroomPp,
        int floorNodes,
        int scaleOutWithinDays,
        double maxScaleInStep) {

    /** At most half of a pool's nodes in one scale-in. */
    public static final double DEFAULT_MAX_SCALE_IN_STEP = 0.5;

    public CapacitySettings(
            double hotThreshold, double margin, double headroomPp, int floorNodes, int scaleOutWithinDays) {
        this(hotThreshold, margin, headroomPp, floorNodes, scaleOutWithinDays, DEFAULT_MAX_SCALE_IN_STEP);
    }

    public CapacitySettings {
        if (headroomPp < 0 || margin < 0 || floorNodes < 1 || scaleOutWithinDays < 1) {
            throw new IllegalArgumentException("headroom and margin must be >= 0, floor nodes and scale-out days >= 1");
        }
        if (!(maxScaleInStep > 0 && maxScaleInStep < 1)) {
            throw new IllegalArgumentException("the largest scale-in step must be a fraction between 0 and 1");
        }
        if (hotThreshold - margin - headroomPp <= 0) {
            throw new IllegalArgumentException("threshold − margin − headroom must stay above 0 %");
        }
    }

    public double target() {
        return hotThreshold - margin;
    }

    /** The fewest nodes one scale-in may leave a pool of {@code nodes}: ceil(nodes · (1 − step)). */
    public int smallestStepFrom(int nodes) {
        return (int) Math.ceil(nodes * (1 - maxScaleInStep) - 1e-9);
    }

    /** The highest predicted P95 a recommended size may have. */
    public double limit() {
        return target() - headroomPp;
    }
}
