package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record PlanStatusChange(
        Instant at,
        Actor actor,
        @Nullable PlanStatus from,
        PlanStatus to,
        @Nullable String reason) {}
