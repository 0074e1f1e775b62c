package dev.stampboard.calibration.engine;

import dev.stampboard.fleet.PoolKind;

/** A pool's observed minutes: traffic per node (requests or bytes) beside the hot-node CPU of the same minute. */
public record PoolHistory(String stamp, PoolKind pool, double[] trafficPerNode, double[] hotCpu) {
}
