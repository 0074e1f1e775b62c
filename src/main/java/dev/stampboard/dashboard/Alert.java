package dev.stampboard.dashboard;

import dev.stampboard.signals.engine.TriggerKind;
import org.jspecify.annotations.Nullable;

/**
 * One line of the dashboard's alert list. {@code value}: what the alert measures (a pool's hot-node P95,
 * a trigger's latest value), so the worst comes first within a severity. {@code sinceAtLeast}: the state
 * predates what the console has observed. {@code signal}: which signal this is, when it triggers rebalancing
 * (P95, reactive, score); {@code null} for an early warning.
 */
public record Alert(
        Severity severity,
        String subject,
        String message,
        double value,
        long sinceMinute,
        boolean sinceAtLeast,
        @Nullable TriggerKind signal) {

    /** In display order: most severe first. */
    public enum Severity {
        HOT,
        TRIGGER,
        WARN
    }
}
