package dev.stampboard.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook's persisted outbox. A delivery is queued in the transaction that publishes its
 * notification, claimed for one attempt at a time (a claim expires, so a crashed sender's delivery is
 * tried again, and two console instances never send the same attempt), and retried with doubling
 * delays until it is delivered or has used its attempts. Its final outcome goes to the audit log.
 */
@Component
class WebhookOutbox {

    /** A delivery claimed for one attempt. */
    record Claimed(long id, long notificationId, String url, int attempts) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final NotificationsProperties properties;
    // the receiving server lives in real time, whatever clock the console's fleet runs on
    private final Clock wall = Clock.systemUTC();

    WebhookOutbox(JdbcClient jdbc, ApplicationEventPublisher events, NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    Optional<Webhook> webhook() {
        return jdbc.sql("select url, enabled, changed_by, changed_at from webhook_setting where id = 1")
                .query((rs, i) -> new Webhook(
                        rs.getString("url"),
                        rs.getBoolean("enabled"),
                        rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Transactional
    void enqueue(long notificationId) {
        webhook()
                .filter(Webhook::enabled)
                .ifPresent(hook -> jdbc.sql(
                                "insert into webhook_delivery (notification_id, url, state, attempts, next_attempt_at) values (?, ?, 'PENDING', 0, ?)")
                        .params(notificationId, hook.url(), at(wall.instant()))
                        .update());
    }

    /** Claims up to {@code limit} deliveries that are due; each claim holds for two request timeouts. */
    @Transactional
    List<Claimed> claimDue(int limit) {
        Instant now = wall.instant();
        List<Claimed> due = jdbc.sql(
                        "select id, notification_id, url, attempts from webhook_delivery where state = 'PENDING'"
                                + " and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by id limit ?")
                .params(at(now), at(now), limit)
                .query((rs, i) -> new Claimed(
                        rs.getLong("id"), rs.getLong("notification_id"), rs.getString("url"), rs.getInt("attempts")))
                .list();
        List<Claimed> claimed = new ArrayList<>();
        for (Claimed c : due) {
            int won = jdbc.sql("update webhook_delivery set claimed_until = ? where id = ? and state = 'PENDING'"
                            + " and (claimed_until is null or claimed_until < ?)")
                    .params(at(now.plus(properties.timeout().multipliedBy(2))), c.id(), at(now))
                    .update();
            if (won == 1) {
                claimed.add(c);
            }
        }
        return claimed;
    }

    /** The JSON body a delivery sends; {@code text} is what chat tools (Slack, Teams, Mattermost) display. */
    @Transactional(readOnly = true)
    Map<String, Object> payload(long notificationId) {
        return jdbc.sql("select id, at, kind, subject, title, detail, link from notification where id = ?")
                .param(notificationId)
                .query((rs, i) -> {
                    String link = link(rs.getString("link"));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("id", rs.getLong("id"));
                    body.put("kind", rs.getString("kind"));
                    body.put("title", rs.getString("title"));
                    body.put("detail", rs.getString("detail"));
                    body.put("subject", rs.getString("subject"));
                    body.put("link", link);
                    body.put(
                            "at",
                            rs.getObject("at", OffsetDateTime.class).toInstant().toString());
                    body.put("text", rs.getString("title") + " — " + rs.getString("detail") + " (" + link + ")");
                    return body;
                })
                .single();
    }

    private String link(String route) {
        String base = properties.consoleUrl();
        if (base == null || base.isBlank()) {
            return "/" + route;
        }
        return base.replaceAll("/+$", "") + "/" + route;
    }

    /** Records one attempt: delivered, retried after a doubling delay, or given up after the last attempt. */
    @Transactional
    void recordAttempt(Claimed c, @Nullable String error) {
        Instant now = wall.instant();
        int attempts = c.attempts() + 1;
        String target = Webhook.mask(c.url());
        if (error == null) {
            jdbc.sql(
                            "update webhook_delivery set state = 'DELIVERED', attempts = ?, claimed_until = null, last_error = null,"
                                    + " finished_at = ? where id = ?")
                    .params(attempts, at(now), c.id())
                    .update();
            events.publishEvent(WebhookAudited.delivered(
                    c.notificationId(), "to " + target + " after " + attempts + " attempt(s)"));
        } else if (attempts >= properties.maxAttempts()) {
            jdbc.sql("update webhook_delivery set state = 'FAILED', attempts = ?, claimed_until = null, last_error = ?,"
                            + " finished_at = ? where id = ?")
                    .params(attempts, cut(error), at(now), c.id())
                    .update();
            events.publishEvent(WebhookAudited.failed(
                    c.notificationId(),
                    "to " + target + ": gave up after " + attempts + " attempts; last error: " + cut(error)));
        } else {
            Duration delay = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 16));
            jdbc.sql(
                            "update webhook_delivery set attempts = ?, claimed_until = null, last_error = ?, next_attempt_at = ?"
                                    + " where id = ?")
                    .params(attempts, cut(error), at(now.plus(delay)), c.id())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    List<WebhookDelivery> recent(int limit) {
        return deliveries("", List.of(limit));
    }

    @Transactional(readOnly = true)
    Optional<WebhookDelivery> deliveryOf(long notificationId) {
        return deliveries("where d.notification_id = ?", List.of(notificationId, 1)).stream()
                .findFirst();
    }

    private List<WebhookDelivery> deliveries(String where, List<Object> params) {
        return jdbc.sql("select d.*, n.title from webhook_delivery d join notification n on n.id = d.notification_id "
                        + where + " order by d.id desc limit ?")
                .params(params)
                .query((rs, i) -> {
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    return new WebhookDelivery(
                            rs.getLong("id"),
                            rs.getLong("notification_id"),
                            rs.getString("title"),
                            rs.getString("state"),
                            rs.getInt("attempts"),
                            rs.getObject("next_attempt_at", OffsetDateTime.class)
                                    .toInstant(),
                            rs.getString("last_error"),
                            finished == null ? null : finished.toInstant());
                })
                .list();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String error) {
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }
}
