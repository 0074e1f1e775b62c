package dev.stampboard.notifications;

import java.time.Instant;

/**
 * A notification as one user sees it. {@code resolved}: what it asked for has happened (the plan was
 * decided, the HOT pool cooled), so it no longer counts as unread.
 */
public record Notification(
        long id,
        Instant at,
        NotificationKind kind,
        String subject,
        String title,
        String detail,
        String link,
        boolean read,
        boolean resolved) {

    public boolean unread() {
        return !read && !resolved;
    }
}
