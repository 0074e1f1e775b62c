package dev.stampboard.dashboard;

import dev.stampboard.fleet.PoolKind;
import org.jspecify.annotations.Nullable;

/** A node's CPU % in its newest retained minute; {@code null} when it has not reported. */
public record NodeCpu(String node, PoolKind pool, @Nullable Double cpu) {}
