package dev.stampboard.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Azure call that failed, with a message an operator can act on: what was being done, the HTTP
 * status and what it usually means, and Azure's own message. Nothing was written when it is thrown.
 */
public class AzureCallFailed extends RuntimeException {

    private final int status;
    private final @Nullable Duration retryAfter;

    AzureCallFailed(String doing, Throwable cause) {
        this(doing, cause, statusOf(cause));
    }

    private AzureCallFailed(String doing, Throwable cause, int status) {
        super(doing + " failed: " + explain(status) + azureMessage(cause), cause);
        this.status = status;
        this.retryAfter = status == 429 ? retryAfterOf(cause).orElse(null) : null;
    }

    /** The HTTP status, or 0 when the answer could not be read at all. */
    public int status() {
        return status;
    }

    /** For a 429: how long Azure asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static int statusOf(Throwable e) {
        return e instanceof HttpResponseException h && h.getResponse() != null
                ? h.getResponse().getStatusCode()
                : 0;
    }

    private static String explain(int status) {
        return switch (status) {
            case 0 -> "no usable answer (unreachable, or an answer that is not what the API returns)";
            case 401 -> "HTTP 401 unauthorized (the credential was refused: check the identity and its tenant)";
            case 403 ->
                "HTTP 403 forbidden (the identity lacks a role on the scope: Reader for inventory and metrics, "
                        + "Contributor for scaling and provisioning, DNS Zone Contributor for routing)";
            case 404 -> "HTTP 404 not found (check the subscription, resource group and names in stampboard.azure.*)";
            case 429 -> "HTTP 429 throttled";
            default ->
                status >= 200 && status < 300
                        ? "HTTP " + status + " with a body that could not be read (malformed or truncated)"
                        : status >= 500 ? "HTTP " + status + " (Azure-side error; retried later)" : "HTTP " + status;
        };
    }

    private static String azureMessage(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return " (" + e.getClass().getSimpleName() + ")";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return ": " + (firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine);
    }

    /** {@code Retry-After} as seconds or an HTTP date, or Azure's {@code x-ms-retry-after-ms}/{@code retry-after-ms}. */
    static Optional<Duration> retryAfterOf(Throwable e) {
        if (!(e instanceof HttpResponseException h) || h.getResponse() == null) {
            return Optional.empty();
        }
        HttpResponse response = h.getResponse();
        for (String ms : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            String v = response.getHeaderValue(ms);
            if (v != null && v.trim().matches("\\d+")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(v.trim())));
            }
        }
        String v = response.getHeaderValue("Retry-After");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        if (v.trim().matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
        }
        try {
            Duration d = Duration.between(
                    OffsetDateTime.now(), OffsetDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
