package dev.stampboard.planning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record PlanStatusChange(
        Instant at,
        String actor,
        @Nullable PlanStatus from,
        PlanStatus to,
        @Nullable String reason) {}
