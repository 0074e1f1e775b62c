package dev.stampboard.notifications;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's side of the webhook: where it points, whether it is on, a test message, recent deliveries. */
@Service
public class WebhookSettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final WebhookOutbox outbox;
    private final Notifications notifications;

    WebhookSettings(
            JdbcClient jdbc,
            Clock clock,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            WebhookOutbox outbox,
            Notifications notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.events = events;
        this.outbox = outbox;
        this.notifications = notifications;
    }

    public Optional<Webhook> current() {
        return outbox.webhook();
    }

    /** Points the webhook at {@code url} (http or https) and turns it on or off; audited, without the URL's secret path. */
    @Transactional
    public Webhook configure(String url, boolean enabled) {
        requireAdmin();
        String address = url.strip();
        validate(address);
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String who = currentUser.name();
        int updated = jdbc.sql(
                        "update webhook_setting set url = ?, enabled = ?, changed_by = ?, changed_at = ? where id = 1")
                .params(address, enabled, who, now)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into webhook_setting (id, url, enabled, changed_by, changed_at) values (1, ?, ?, ?, ?)")
                    .params(address, enabled, who, now)
                    .update();
        }
        Webhook hook = new Webhook(address, enabled, who, now.toInstant());
        events.publishEvent(
                WebhookAudited.configured(currentUser.actor(), hook.maskedUrl() + (enabled ? " on" : " off")));
        return hook;
    }

    /** Sends a test notification to the webhook (and to the admin's own centre); its delivery shows below. */
    @Transactional
    public long sendTest() {
        requireAdmin();
        Webhook hook = current()
                .filter(Webhook::enabled)
                .orElseThrow(() -> new InvalidInputException("Turn the webhook on and save it before sending a test"));
        return notifications.publish(new NewNotification(
                NotificationKind.WEBHOOK_TEST,
                Set.of(Audience.user(currentUser.name())),
                null,
                "webhook",
                "Webhook test",
                "Sent by " + currentUser.name() + " to " + hook.maskedUrl(),
                "settings/webhook"));
    }

    public List<WebhookDelivery> recentDeliveries(int limit) {
        requireAdmin();
        return outbox.recent(limit);
    }

    public Optional<WebhookDelivery> deliveryOf(long notificationId) {
        requireAdmin();
        return outbox.deliveryOf(notificationId);
    }

    private void requireAdmin() {
        if (!currentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an admin configures the webhook");
        }
    }

    private static void validate(String url) {
        String hint =
                "The webhook address must be a full http:// or https:// URL, e.g. https://chat.example.com/hooks/…";
        if (url.isEmpty() || url.length() > 2000) {
            throw new InvalidInputException(
                    url.isEmpty() ? hint : "The webhook address is longer than 2,000 characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new InvalidInputException(hint);
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(hint);
        }
    }
}
