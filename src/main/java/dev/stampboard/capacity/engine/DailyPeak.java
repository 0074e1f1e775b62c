package dev.stampboard.capacity.engine;

import java.time.LocalDate;

/** A pool's hot-node P95 of one (UTC) day's peak window, and how many nodes it had then. */
public record DailyPeak(LocalDate day, double p95, int nodes) {}
