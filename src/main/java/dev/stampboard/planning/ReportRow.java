package dev.stampboard.planning;

import org.jspecify.annotations.Nullable;

/**
 * One line of a plan's outcome report (the seed's table): a stamp pool's hot-node P95 when the plan
 * was computed, after it (measured when its execution finished; until then, now), the change in pp
 * and %, and what the plan predicted. {@code measuredAt} is set once the "after" is final.
 */
public record ReportRow(
        String stamp,
        String pool,
        @Nullable Double before,
        @Nullable Double after,
        @Nullable Double changePp,
        @Nullable Double changePct,
        @Nullable Double predicted,
        java.time.@Nullable Instant measuredAt) {}
