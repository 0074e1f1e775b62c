package dev.stampboard.capacity.change;

import dev.stampboard.signals.engine.NearestRank;

/**
 * DESIGN §3's model applied to a pool resized in place: the same load spread over {@code to} nodes instead of
 * {@code from}. Each minute's hot-node value {@code v} becomes {@code b + (v − b) · from / to} (capped at 100 %),
 * where {@code b} is the idle baseline; the predicted hot-node P95 is the nearest-rank P95 of those minutes.
 * Used when a change is proposed without a recommendation's own prediction. Plain Java.
 */
final class ScaledLoadPrediction {

    private ScaledLoadPrediction() {}

    /** The predicted P95, or NaN when no minute has a value. */
    static double p95(float[] hotNodeMinutes, double idleBaseline, int from, int to) {
        if (from < 1 || to < 1) {
            throw new IllegalArgumentException("node counts must be positive");
        }
        float[] scaled = new float[hotNodeMinutes.length];
        double factor = (double) from / to;
        for (int i = 0; i < hotNodeMinutes.length; i++) {
            float v = hotNodeMinutes[i];
            scaled[i] = Float.isNaN(v)
                    ? Float.NaN
                    : (float) Math.min(100.0, idleBaseline + Math.max(0.0, v - idleBaseline) * factor);
        }
        return NearestRank.p95(scaled);
    }
}
