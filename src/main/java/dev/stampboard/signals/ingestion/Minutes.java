package dev.stampboard.signals.ingestion;

import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The ingestion edge's one rule for a row's minute: an ISO-8601 UTC instant at the start of a minute. */
final class Minutes {

    private Minutes() {}

    /** What is wrong with the minute as sent; null when it is a well-formed, aligned minute. */
    static @Nullable String problem(@Nullable String minute) {
        if (minute == null) {
            return "minute is missing (ISO-8601 UTC instant, e.g. 2026-11-26T00:00:00Z)";
        }
        Instant parsed;
        try {
            parsed = Instant.parse(minute);
        } catch (DateTimeException e) {
            return "minute '" + minute + "' is not an ISO-8601 UTC instant such as 2026-11-26T00:00:00Z";
        }
        if (parsed.getEpochSecond() % 60 != 0 || parsed.getNano() != 0) {
            return "minute " + minute + " is not aligned to the start of a minute (seconds must be :00)";
        }
        return null;
    }

    /** The epoch minute of a minute that passed {@link #problem} (which refuses a missing one). */
    static long epochMinute(@Nullable String minute) {
        if (minute == null) {
            throw new IllegalArgumentException("minute is missing: check it with Minutes.problem first");
        }
        return Instant.parse(minute).getEpochSecond() / 60;
    }
}
