package dev.stampboard.dashboard;

import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.TriggerKind;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One line of the dashboard's alert list. {@code subject}: the stamp, or for a reactive trigger on one registry's
 * traffic, the registry replica. {@code value}: how bad it is, so the worst comes first within a
 * severity: a pool's hot-node P95 (%) for HOT and WARN; for a TRIGGER (reactive rule or score), its latest
 * value over its rule's threshold (1.6: throttling 3.2 % against a 2 % rule; 1.3: score 91 against 70), as the
 * triggers' units differ. {@code sinceAtLeast}: the state
 * predates what the console has observed. {@code signal}: which signal this is, when it triggers rebalancing
 * (P95, reactive, score); {@code null} for an early warning.
 */
public record Alert(
        Severity severity,
        AlertSubject subject,
        String message,
        double value,
        long sinceMinute,
        boolean sinceAtLeast,
        @Nullable TriggerKind signal) {

    /** By severity, then the highest value (the furthest past its rule), then the oldest. */
    public static final Comparator<Alert> WORST_FIRST = Comparator.comparing(Alert::severity)
            .thenComparing(Comparator.comparingDouble(Alert::value).reversed())
            .thenComparingLong(Alert::sinceMinute);

    /** In display order: most severe first. */
    public enum Severity {
        HOT,
        TRIGGER,
        WARN
    }
}
