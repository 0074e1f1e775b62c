package dev.stampboard.isolation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a request's append-only state history. */
public record IsolationStateChange(
        Instant at,
        String actor,
        @Nullable IsolationState from,
        IsolationState to,
        @Nullable String note) {}
