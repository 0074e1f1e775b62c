package dev.stampboard.cutover;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Read model of a plan's execution for the monitor and the API. */
public record PlanRunDetails(
        String planId,
        String region,
        RunStatus status,
        boolean autoRollback,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String reason,
        int moves,
        int completed,
        int rolledBack,
        int failed) {}
