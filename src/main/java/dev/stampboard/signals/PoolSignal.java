package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import org.jspecify.annotations.Nullable;

/**
 * One pool's current signal: hot-node P95 over the peak window (null without data), its state and since when it is
 * in it (the same on every console instance).
 */
public record PoolSignal(
        PoolKind pool, int nodes, @Nullable Double hotNodeP95, double threshold, PoolState state, StateSince since) {}
