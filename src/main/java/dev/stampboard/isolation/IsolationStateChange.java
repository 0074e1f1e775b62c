package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a request's append-only state history. */
public record IsolationStateChange(
        Instant at,
        Actor actor,
        @Nullable IsolationState from,
        IsolationState to,
        @Nullable String note) {}
