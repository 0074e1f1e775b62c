package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;

/**
 * A pool's state changed between two observed clock minutes (e.g. WARN → HOT). Not published for the
 * state a pool is first seen in after a start, so a restart does not announce every pool that was already hot.
 */
public record PoolStateChanged(String region, String stamp, PoolKind pool, PoolState from, PoolState to, long minute) {}
