package dev.stampboard.dashboard;

import dev.stampboard.planning.PlanStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A plan of the region that still needs someone: pending approval, approved and not started, or running. */
public record OpenPlan(
        String id,
        PlanStatus status,
        boolean stale,
        String createdBy,
        @Nullable String submittedBy,
        Instant createdAt,
        int moves,
        int dedicatedStamps) {}
