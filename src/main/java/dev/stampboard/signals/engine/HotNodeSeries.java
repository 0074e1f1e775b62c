package dev.stampboard.signals.engine;

import java.util.OptionalDouble;

/**
 * Hot-node minute values of a pool over a range; only minutes that have a value appear,
 * {@code minutes[i]} belongs to {@code values[i]}. {@code p95} is the nearest-rank P95 of exactly these values.
 */
public record HotNodeSeries(long[] minutes, double[] values, OptionalDouble p95) {

    public int size() {
        return minutes.length;
    }
}
