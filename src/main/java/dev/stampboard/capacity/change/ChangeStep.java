package dev.stampboard.capacity.change;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a change's step journal: what was stored before it acted, when, by which executor. */
public record ChangeStep(
        String step,
        @Nullable Instant at,
        String executor,
        @Nullable String detail) {}
