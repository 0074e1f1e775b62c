package dev.stampboard.signals.ingestion;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs;

    /** Without an elected instance: every call prunes (tests). */
    TelemetryRetention(JdbcTemplate jdbc, TelemetryProperties properties, Clock clock) {
        this(
                jdbc,
                properties,
                clock,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(dev.stampboard.base.SingleInstanceJobs.class));
    }

    @org.springframework.beans.factory.annotation.Autowired
    TelemetryRetention(
            JdbcTemplate jdbc,
            TelemetryProperties properties,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.postgres = Databases.isPostgres(jdbc);
    }

    /** What one pruning pass deleted, per table. */
    public record Pruned(long cpuSamples, long trafficRows) {}

    @Scheduled(
            initialDelayString = "${stampboard.telemetry.prune-initial-delay:PT1M}",
            fixedDelayString = "${stampboard.telemetry.prune-interval:PT10M}")
    void scheduledPrune() {
        dev.stampboard.base.SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease("telemetry-retention")) {
            return; // the elected instance prunes for all
        }
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
        return new Pruned(pruneTable(TABLES[0], "", cutoffMinute), pruneTable(TABLES[1], "", cutoffMinute));
    }

    /**
     * Deletes the rows the simulator stored ({@code simulated}, V160) of minutes before {@code cutoffMinute}, batch by
     * batch as {@link #prune()}; ingested rows keep the retention. The simulator's elected instance calls it with what
     * followers and late starters still need (README "The simulator with several instances").
     */
    public Pruned pruneSimulatedBefore(long cutoffMinute) {
        return new Pruned(
                pruneTable(TABLES[0], "simulated and ", cutoffMinute),
                pruneTable(TABLES[1], "simulated and ", cutoffMinute));
    }

    /** {@code filter}: a condition ending in {@code and}, or empty. */
    private long pruneTable(String table, String filter, long cutoffMinute) {
        String sql = postgres
                ? "delete from " + table + " where ctid in (select ctid from " + table + " where " + filter
                        + "minute_at < ? limit ?)"
                : "delete from " + table + " where " + filter + "minute_at < ? fetch first ? rows only";
        int batch = properties.pruneBatchSize();
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, StoredMinutes.at(cutoffMinute), batch);
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
