package dev.stampboard.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification's way to the webhook: PENDING (with its next try), DELIVERED or FAILED (gave up). */
public record WebhookDelivery(
        long id,
        long notificationId,
        String title,
        String state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant finishedAt) {}
