package dev.stampboard.signals.ingestion;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored CPU samples and registry traffic older than the retention. Deletion goes in small
 * batches, each an auto-committed statement of its own, oldest rows first: ingestion inserts only recent
 * minutes, so it never waits on a lock held by pruning, and a batch never holds many rows' locks or undo.
 * The batch statement differs per database (H2 has {@code FETCH FIRST} on delete, PostgreSQL does not).
 */
@Component
@EnableConfigurationProperties(TelemetryProperties.class)
public class TelemetryRetention {

    private static final Logger log = LoggerFactory.getLogger(TelemetryRetention.class);
    static final String[] TABLES = {"node_cpu_sample", "registry_traffic_sample"};

    private final JdbcTemplate jdbc;
    private final TelemetryProperties properties;
    private final Clock clock;
    private final boolean postgres;

    TelemetryRetention(JdbcTemplate jdbc, TelemetryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.postgres = databaseProduct(jdbc).contains("postgres");
    }

    /** What one pruning pass deleted, per table. */
    public record Pruned(long cpuSamples, long trafficRows) {}

    @Scheduled(
            initialDelayString = "${stampboard.telemetry.prune-initial-delay:PT1M}",
            fixedDelayString = "${stampboard.telemetry.prune-interval:PT10M}")
    void scheduledPrune() {
        Pruned pruned = prune();
        if (pruned.cpuSamples() + pruned.trafficRows() > 0) {
            log.info(
                    "Telemetry retention {}: pruned {} CPU samples and {} traffic rows",
                    properties.retention(),
                    pruned.cpuSamples(),
                    pruned.trafficRows());
        }
    }

    /** Deletes everything older than the retention, batch by batch, until nothing old is left. */
    public Pruned prune() {
        long cutoffMinute = clock.instant().minus(properties.retention()).getEpochSecond() / 60;
        return new Pruned(pruneTable(TABLES[0], cutoffMinute), pruneTable(TABLES[1], cutoffMinute));
    }

    private long pruneTable(String table, long cutoffMinute) {
        String sql = postgres
                ? "delete from " + table + " where ctid in (select ctid from " + table + " where minute_at < ? limit ?)"
                : "delete from " + table + " where minute_at < ? fetch first ? rows only";
        int batch = properties.pruneBatchSize();
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, StoredMinutes.at(cutoffMinute), batch);
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    private static String databaseProduct(JdbcTemplate jdbc) {
        try {
            String name =
                    JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
            return name == null ? "" : name.toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell which database holds the telemetry", e);
        }
    }
}
