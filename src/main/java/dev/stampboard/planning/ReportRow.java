package dev.stampboard.planning;

import org.jspecify.annotations.Nullable;

/**
 * One line of a plan's outcome report (the seed's table): a stamp pool's hot-node P95 when the plan
 * was computed, now, the change in pp and %, and what the plan predicted.
 */
public record ReportRow(String stamp, String pool, @Nullable Double before, @Nullable Double after,
                        @Nullable Double changePp, @Nullable Double changePct, @Nullable Double predicted) {
}
