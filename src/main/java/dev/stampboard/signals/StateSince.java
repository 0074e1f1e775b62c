package dev.stampboard.signals;

import dev.stampboard.signals.engine.PoolState;

/** A pool's current state and the minute it entered it; {@code atLeast} when that is when observation began. */
public record StateSince(PoolState state, long sinceMinute, boolean atLeast) {}
