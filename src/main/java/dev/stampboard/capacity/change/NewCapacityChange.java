package dev.stampboard.capacity.change;

import dev.stampboard.fleet.PoolKind;
import org.jspecify.annotations.Nullable;

/**
 * What an engineer proposes: a pool's new instance count and minimum (the minimum defaults to the count), why,
 * and — when proposed from a recommendation — which one and its predicted hot-node P95 at the new size.
 */
public record NewCapacityChange(
        String stamp,
        PoolKind pool,
        int toInstances,
        @Nullable Integer toMinimum,
        String reason,
        @Nullable String recommendation,
        @Nullable Double predictedP95) {

    /** A proposal of an engineer's own, without a recommendation. */
    public static NewCapacityChange of(String stamp, PoolKind pool, int toInstances, int toMinimum, String reason) {
        return new NewCapacityChange(stamp, pool, toInstances, toMinimum, reason, null, null);
    }
}
