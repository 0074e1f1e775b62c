package dev.stampboard.notifications;

import java.net.URI;
import java.time.Instant;

/** The admin's outgoing webhook: where notifications are POSTed as JSON, and whether that is on. */
public record Webhook(String url, boolean enabled, String changedBy, Instant changedAt) {

    /**
     * The address without its path: chat tools put the secret in the path, so the audit log and the
     * screens show only where it goes ({@code https://chat.example.com/…}).
     */
    public String maskedUrl() {
        return mask(url);
    }

    static String mask(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/…";
        } catch (IllegalArgumentException e) {
            return "(unreadable address)";
        }
    }
}
