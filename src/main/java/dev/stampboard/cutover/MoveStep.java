package dev.stampboard.cutover;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a move's step journal: what happened, when, and which console instance did it. */
public record MoveStep(
        int seq,
        String step,
        Instant at,
        String executor,
        @Nullable String detail) {}
