package dev.stampboard.notifications;

/** What a notification is about; the label is what the centre and the webhook call it. */
public enum NotificationKind {
    APPROVAL_NEEDED("Plan awaiting your approval"),
    ANSWER_NEEDED("Request needs your answer"),
    MIGRATION_PAUSED("Migration paused"),
    MIGRATION_FAILED("Migration failed"),
    STAMP_HOT("Stamp HOT"),
    WEBHOOK_TEST("Webhook test");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
