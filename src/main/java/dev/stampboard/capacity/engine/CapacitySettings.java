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
 */
public record CapacitySettings(
        double hotThreshold, double margin, double headroomPp, int floorNodes, int scaleOutWithinDays) {

    public CapacitySettings {
        if (headroomPp < 0 || margin < 0 || floorNodes < 1 || scaleOutWithinDays < 1) {
            throw new IllegalArgumentException("headroom and margin must be >= 0, floor nodes and scale-out days >= 1");
        }
        if (hotThreshold - margin - headroomPp <= 0) {
            throw new IllegalArgumentException("threshold − margin − headroom must stay above 0 %");
        }
    }

    public double target() {
        return hotThreshold - margin;
    }

    /** The highest predicted P95 a recommended size may have. */
    public double limit() {
        return target() - headroomPp;
    }
}
