package dev.stampboard.planning.engine;

/** Test access to the planner's own nearest-rank P95 (package-private in the engine). */
public final class NearestRankP95Access {

    private NearestRankP95Access() {
    }

    public static double of(float[] values) {
        return NearestRankP95.of(values);
    }
}
