package dev.stampboard.notifications;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A notification to publish. {@code exceptUser} is left out even when an audience includes them (the
 * engineer who submitted a plan is not asked to approve it); {@code link} is a console route.
 */
public record NewNotification(
        NotificationKind kind,
        Set<Audience> audiences,
        @Nullable String exceptUser,
        String subject,
        String title,
        String detail,
        String link) {

    public NewNotification {
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("A notification needs someone to notify");
        }
        audiences = Set.copyOf(audiences);
    }
}
