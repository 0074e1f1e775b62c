package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;

/** One node's average CPU % over the minute, within [0, 100]. */
public record NodeCpuSample(String stamp, PoolKind pool, String node, float cpu) {}
