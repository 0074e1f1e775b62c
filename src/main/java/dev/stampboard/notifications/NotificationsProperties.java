package dev.stampboard.notifications;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.notifications.*}. {@code consoleUrl} makes the webhook's links absolute
 * (e.g. {@code https://stampboard.example.com}); without it they are the console's relative routes.
 */
@ConfigurationProperties("stampboard.notifications")
record NotificationsProperties(
        @Nullable String consoleUrl, @Nullable Webhook webhook) {

    /** Delivery: attempts in all, the first retry's delay (doubling after), one request's timeout. */
    record Webhook(
            int maxAttempts,
            @Nullable Duration backoff,
            @Nullable Duration timeout) {}

    int maxAttempts() {
        return webhook == null || webhook.maxAttempts() <= 0 ? 5 : webhook.maxAttempts();
    }

    Duration backoff() {
        return webhook == null || webhook.backoff() == null ? Duration.ofSeconds(5) : webhook.backoff();
    }

    Duration timeout() {
        return webhook == null || webhook.timeout() == null ? Duration.ofSeconds(10) : webhook.timeout();
    }
}
