package dev.stampboard.dashboard;

/**
 * One line of the dashboard's alert list. {@code value}: what the alert measures (a pool's hot-node P95,
 * a trigger's latest value), so the worst comes first within a severity. {@code sinceAtLeast}: the state
 * predates what the console has observed.
 */
public record Alert(
        Severity severity, String subject, String message, double value, long sinceMinute, boolean sinceAtLeast) {

    /** In display order: most severe first. */
    public enum Severity {
        HOT,
        TRIGGER,
        WARN
    }
}
