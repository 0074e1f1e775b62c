package dev.stampboard.planning.engine;

import dev.stampboard.signals.engine.NearestRank;
import org.jspecify.annotations.Nullable;

/**
 * One pool under DESIGN §3's model while a plan is built: CPU = idle baseline b plus load in
 * proportion to traffic. Removing shares scales the load above b down; adding a registry adds its
 * load from the source, rescaled by the ratio of node counts.
 */
final class PredictedPool {

    final PoolLoad load;
    private final float[] removedShare;
    private final float[] addedLoad;
    private final double originalP95;
    private double cachedP95 = Double.NaN;
    private boolean dirty = true;

    PredictedPool(PoolLoad load) {
        this.load = load;
        this.removedShare = new float[load.hotNodeMinutes().length];
        this.addedLoad = new float[load.hotNodeMinutes().length];
        this.originalP95 = NearestRank.p95(load.hotNodeMinutes());
    }

    double originalP95() {
        return originalP95;
    }

    double predictedP95() {
        if (dirty) {
            cachedP95 = NearestRank.p95(predicted(null, 0));
            dirty = false;
        }
        return cachedP95;
    }

    /**
     * hot'(t) = b + (hot(t) − b)·(1 − removed(t)) + added(t) [+ extra(t)·scale], capped at 100 %.
     */
    float[] predicted(float @Nullable [] extra, double scale) {
        float[] hot = load.hotNodeMinutes();
        float[] out = new float[hot.length];
        double b = load.idleBaseline();
        for (int t = 0; t < hot.length; t++) {
            if (Float.isNaN(hot[t])) {
                out[t] = Float.NaN;
                continue;
            }
            double removed = Math.min(1.0, removedShare[t]);
            double added = addedLoad[t] + (extra == null || Float.isNaN(extra[t]) ? 0 : extra[t] * scale);
            double v = b + (hot[t] - b) * (1 - removed) + added;
            out[t] = (float) Math.min(100, Math.max(0, v));
        }
        return out;
    }

    /** The CPU points a registry with this per-minute share makes here: (hot(t) − b)·share(t). */
    float[] loadOf(float[] share) {
        float[] hot = load.hotNodeMinutes();
        float[] out = new float[hot.length];
        for (int t = 0; t < hot.length; t++) {
            float s = t < share.length ? share[t] : 0;
            out[t] = Float.isNaN(hot[t]) || Float.isNaN(s) ? Float.NaN : (float) ((hot[t] - load.idleBaseline()) * s);
        }
        return out;
    }

    void remove(float[] share) {
        dirty = true;
        for (int t = 0; t < removedShare.length && t < share.length; t++) {
            if (!Float.isNaN(share[t])) {
                removedShare[t] = Math.min(1f, removedShare[t] + share[t]);
            }
        }
    }

    void add(float[] sourceLoad, double scale) {
        dirty = true;
        for (int t = 0; t < addedLoad.length && t < sourceLoad.length; t++) {
            if (!Float.isNaN(sourceLoad[t])) {
                addedLoad[t] += (float) (sourceLoad[t] * scale);
            }
        }
    }
}
