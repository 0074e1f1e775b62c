package dev.stampboard.capacity.engine;

import dev.stampboard.fleet.PoolKind;

/**
 * One pool as the capacity model sees it: its node count, minimum, the idle baseline b of the (calibrated) prediction
 * model, and the hot-node value of each minute of its peak window (NaN where no node reported).
 */
public record PoolWindow(
        String stamp, PoolKind pool, int nodes, int minInstances, double idleBaseline, float[] hotNodeMinutes) {

    public PoolWindow {
        if (nodes < 0 || minInstances < 0) {
            throw new IllegalArgumentException("node counts cannot be negative");
        }
    }
}
