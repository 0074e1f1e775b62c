package dev.stampboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.stampboard.KaribuTest;
import dev.stampboard.audit.AuditEntry;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.base.InvalidInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 15 item 13: the admin's webhook against a real HTTP server (the JDK's) on this machine — the
 * JSON it receives, retries after failures with growing delays, giving up, and the audit entries.
 */
class WebhookDeliveryTest extends KaribuTest {

    /** What the server saw of one notification: arrival times and bodies. */
    record Received(Instant at, Map<String, Object> body) {}

    @Autowired
    WebhookSettings webhook;

    @Autowired
    Notifications notifications;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String subject = "";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/secret-token", exchange -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
            boolean ours = subject.equals(body.get("subject"))
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (ours) {
                received.add(new Received(Instant.now(), body));
            }
            int status = ours && failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        login("erin");
        webhook.configure(url(), false); // the shared context's other tests publish too: send them nowhere
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/secret-token";
    }

    private long publish(String about) {
        subject = about;
        return notifications.publish(new NewNotification(
                NotificationKind.MIGRATION_PAUSED,
                Set.of(dev.stampboard.notifications.Audience.role(dev.stampboard.security.Role.ENGINEER)),
                null,
                about,
                "Migration paused",
                "plan " + about + ": move 3 failed validation",
                "plans/" + about + "/monitor"));
    }

    private WebhookDelivery awaitFinished(long notificationId) throws InterruptedException {
        login("erin");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var d = webhook.deliveryOf(notificationId);
            if (d.isPresent() && d.get().finishedAt() != null) {
                return d.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery of notification " + notificationId + " did not finish: "
                + webhook.deliveryOf(notificationId));
    }

    private List<AuditEntry> auditAbout(long notificationId) {
        return audit.search(null, null, "notification " + notificationId, null, 10).stream()
                .filter(e -> e.subject().equals("notification " + notificationId))
                .toList();
    }

    @Test
    void a_notification_is_posted_as_json_and_retried_with_growing_delays_until_the_server_takes_it() throws Exception {
        login("erin");
        webhook.configure(url(), true);
        failuresLeft.set(2);
        long id = publish(UUID.randomUUID().toString());

        WebhookDelivery delivery = awaitFinished(id);
        assertThat(delivery.state()).isEqualTo("DELIVERED");
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(received).hasSize(3);
        Map<String, Object> body = received.get(2).body();
        assertThat(body)
                .containsEntry("id", (int) id)
                .containsEntry("kind", "MIGRATION_PAUSED")
                .containsEntry("title", "Migration paused")
                .containsEntry("link", "/plans/" + subject + "/monitor");
        assertThat((String) body.get("text")).startsWith("Migration paused — plan " + subject);
        // the configured first delay is 0.2 s, doubled for the second retry: lower bounds hold on any machine
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(Duration.between(received.get(1).at(), received.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(390));

        assertThat(auditAbout(id)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("WEBHOOK_DELIVERED");
            assertThat(e.detail())
                    .contains("after 3 attempt(s)")
                    .contains("127.0.0.1")
                    .doesNotContain("secret-token");
        });
        assertThat(audit.search(null, "WEBHOOK_CONFIGURED", null, null, 1))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.detail()).doesNotContain("secret-token").endsWith("on"));
    }

    @Test
    void a_server_that_keeps_failing_gets_five_attempts_then_the_delivery_fails_and_is_audited() throws Exception {
        login("erin");
        webhook.configure(url(), true);
        failuresLeft.set(Integer.MAX_VALUE);
        long id = publish(UUID.randomUUID().toString());

        WebhookDelivery delivery = awaitFinished(id);
        assertThat(delivery.state()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(5);
        assertThat(delivery.lastError()).isEqualTo("HTTP 503");
        assertThat(received).hasSize(5);
        assertThat(auditAbout(id)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("WEBHOOK_FAILED");
            assertThat(e.detail()).contains("gave up after 5 attempts").contains("HTTP 503");
        });
    }

    @Test
    void nothing_is_sent_while_the_webhook_is_off() throws Exception {
        login("erin");
        webhook.configure(url(), false);
        long id = publish(UUID.randomUUID().toString());
        Thread.sleep(1000); // several sender passes (every 0.2 s in tests)
        assertThat(webhook.deliveryOf(id)).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void only_an_admin_configures_it_and_only_http_addresses_are_taken() {
        login("alice");
        assertThatThrownBy(() -> webhook.configure(url(), true)).isInstanceOf(AccessDeniedException.class);
        login("erin");
        for (String bad : List.of(
                "",
                "chat.example.com/hook",
                "ftp://chat.example.com/x",
                "file:///etc/passwd",
                "https://user:pw@chat.example.com/x",
                "http://")) {
            assertThatThrownBy(() -> webhook.configure(bad, true))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("http");
        }
    }
}
