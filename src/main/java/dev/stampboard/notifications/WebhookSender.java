package dev.stampboard.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * POSTs queued notifications to the webhook, outside any transaction (a slow chat server must not
 * hold a database connection). Any 2xx answer is delivered; anything else, a timeout or a refused
 * connection is retried by the outbox.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookOutbox outbox;
    private final NotificationsProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    WebhookSender(WebhookOutbox outbox, NotificationsProperties properties, ObjectMapper json) {
        this.outbox = outbox;
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${stampboard.notifications.webhook.poll-millis:1000}")
    void deliverDue() {
        for (WebhookOutbox.Claimed delivery : outbox.claimDue(20)) {
            outbox.recordAttempt(delivery, send(delivery));
        }
    }

    /** Null when delivered, otherwise what went wrong, in words for the admin's screen. */
    private @Nullable String send(WebhookOutbox.Claimed delivery) {
        try {
            String body = json.writeValueAsString(outbox.payload(delivery.notificationId()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Stampboard-Webhook")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (JsonProcessingException e) {
            return "could not write the JSON body: " + e.getOriginalMessage();
        } catch (IOException e) {
            log.debug("Webhook delivery {} failed", delivery.id(), e);
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while sending";
        }
    }
}
