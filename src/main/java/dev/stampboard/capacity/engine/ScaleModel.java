package dev.stampboard.capacity.engine;

import dev.stampboard.signals.engine.NearestRank;

/**
 * DESIGN §3's model applied to a change of node count: a node's CPU is the idle baseline b plus its share of the
 * pool's load, so the same load over {@code n'} nodes instead of {@code n} makes the hot node read
 * {@code b + (hot(t) − b) · n / n'} (capped to [0, 100]). The hot-node P95 after the change is the P95 of that
 * series; growth adds {@code g} points of load (at today's node count) on top.
 */
public final class ScaleModel {

    /** No scale set is sized beyond this (the API's limit of nodes per pool). */
    public static final int MAX_NODES = 1000;

    private ScaleModel() {}

    /** The window's hot-node series with the pool's load spread over {@code newNodes} nodes. */
    public static float[] spread(PoolWindow w, int newNodes) {
        if (newNodes < 1) {
            throw new IllegalArgumentException("a pool needs at least one node");
        }
        float[] hot = w.hotNodeMinutes();
        float[] out = new float[hot.length];
        double factor = (double) w.nodes() / newNodes;
        double b = w.idleBaseline();
        for (int t = 0; t < hot.length; t++) {
            out[t] = Float.isNaN(hot[t]) ? Float.NaN : (float) clamp(b + (hot[t] - b) * factor);
        }
        return out;
    }

    /** Predicted hot-node P95 on {@code newNodes} nodes, with {@code growthPp} points of extra load at today's count. */
    public static double predictedP95(PoolWindow w, int newNodes, double growthPp) {
        double p95 = NearestRank.p95(spread(w, newNodes));
        if (Double.isNaN(p95)) {
            return p95;
        }
        return clamp(p95 + growthPp * w.nodes() / newNodes);
    }

    /**
     * The lowest node count in [{@code floor}, {@link #MAX_NODES}] whose predicted P95 (with growth) is at or below
     * {@code limit}; {@link #MAX_NODES} when none is.
     */
    public static int lowestCount(PoolWindow w, double limit, double growthPp, int floor) {
        for (int n = Math.max(1, floor); n < MAX_NODES; n++) {
            if (predictedP95(w, n, growthPp) <= limit) {
                return n;
            }
        }
        return MAX_NODES;
    }

    static double clamp(double cpu) {
        return Math.max(0, Math.min(100, cpu));
    }
}
