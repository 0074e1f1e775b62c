package dev.stampboard.dashboard;

/** One line of the dashboard's alert list. {@code sinceAtLeast}: the state predates what the console has observed. */
public record Alert(Severity severity, String subject, String message, long sinceMinute, boolean sinceAtLeast) {

    /** In display order: most severe first. */
    public enum Severity {
        HOT,
        TRIGGER,
        WARN
    }
}
