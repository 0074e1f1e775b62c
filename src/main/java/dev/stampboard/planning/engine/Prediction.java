package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;

/** Hot-node P95 of one pool before the plan and as predicted after all of it. */
public record Prediction(String stamp, PoolKind pool, double before, double after) {}
