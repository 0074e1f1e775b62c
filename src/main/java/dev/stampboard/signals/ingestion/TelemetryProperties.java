package dev.stampboard.signals.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.telemetry.*}: how long ingested CPU samples and registry traffic are kept in the
 * database, and how pruning works through what is older.
 * Spring binds an unset key as null; the constructor puts its default in its place, so no accessor returns null.
 *
 * @param retention      rows older than this are deleted (default 14 days)
 * @param pruneInterval  how often pruning runs (default every 10 minutes)
 * @param pruneBatchSize rows deleted per statement, each its own short transaction (default 5,000)
 */
@ConfigurationProperties("stampboard.telemetry")
record TelemetryProperties(Duration retention, Duration pruneInterval, Integer pruneBatchSize) {

    TelemetryProperties {
        retention = retention == null ? Duration.ofDays(14) : retention;
        if (retention.toMinutes() < 1) {
            throw new IllegalArgumentException(
                    "stampboard.telemetry.retention must be at least a minute: " + retention);
        }
        pruneInterval = pruneInterval == null ? Duration.ofMinutes(10) : pruneInterval;
        pruneBatchSize = pruneBatchSize == null ? 5_000 : pruneBatchSize;
        if (pruneBatchSize < 1) {
            throw new IllegalArgumentException(
                    "stampboard.telemetry.prune-batch-size must be positive: " + pruneBatchSize);
        }
    }
}
