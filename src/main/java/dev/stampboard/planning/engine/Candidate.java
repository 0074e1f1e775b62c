package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;

/** A registry on a chosen stamp, as the wizard lists it: its contribution in the pool where it weighs most. */
public record Candidate(
        String registry, String stamp, double contribution, PoolKind pool, int rank, double volatility) {}
