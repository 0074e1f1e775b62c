package dev.stampboard.signals.ingestion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Epoch minutes as the stores keep them: {@code timestamp with time zone} in UTC. */
final class StoredMinutes {

    private StoredMinutes() {}

    static OffsetDateTime at(long epochMinute) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochMinute * 60), ZoneOffset.UTC);
    }

    static long of(OffsetDateTime stored) {
        return stored.toEpochSecond() / 60;
    }
}
