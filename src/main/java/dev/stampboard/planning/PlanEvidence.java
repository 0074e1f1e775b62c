package dev.stampboard.planning;

import org.jspecify.annotations.Nullable;

/** The signal a plan was computed from: one stamp pool's P95 and state at that minute. */
public record PlanEvidence(
        String stamp, String pool, @Nullable Double p95, String state) {}
