package dev.stampboard.score;

import dev.stampboard.base.SingleInstanceJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each stamp's requests per hour ({@code stamp_hourly_requests}), the growth feature's two days (issue 18). Every
 * instance writes the hours it read whole; the larger total stays (late telemetry only adds requests), so instances
 * that wrote an hour before and after a late sample end with the later total, whoever wrote last. Written with plain
 * statements that mean the same on H2 and PostgreSQL: raise an existing row, then insert where none exists.
 */
@Component
class StoredHourlyRequests implements StoredHours {

    private static final Logger log = LoggerFactory.getLogger(StoredHourlyRequests.class);

    /** Hours older than this are deleted: the growth's two days and the engine's 12 h before them fit. */
    static final Duration KEEP = Duration.ofDays(3);

    static final String PRUNE_JOB = "score.hourly-requests-prune";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SingleInstanceJobs jobs;
    private final Clock clock;

    StoredHourlyRequests(JdbcClient jdbc, JdbcTemplate template, SingleInstanceJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Up to this many stamps are read by name; more (a start reads every stamp) by one range read of all. */
    static final int BY_NAME_UP_TO = 50;

    private static final String READ_ALL =
            "select stamp, hour_at, requests from stamp_hourly_requests where hour_at >= :from and hour_at <= :to";
    private static final String READ_BY_NAME = READ_ALL + " and stamp in (:stamps)";

    @Override
    public Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps) {
        Set<String> wanted = new HashSet<>(stamps);
        Map<String, Map<Long, Long>> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        boolean byName = wanted.size() <= BY_NAME_UP_TO;
        jdbc.sql(byName ? READ_BY_NAME : READ_ALL)
                .param("from", at(fromHour))
                .param("to", at(toHour))
                .param("stamps", byName ? List.copyOf(wanted) : List.of(""))
                .query(rs -> {
                    String stamp = rs.getString(1);
                    if (wanted.contains(stamp)) {
                        long hour = rs.getObject(2, OffsetDateTime.class).toEpochSecond() / 3600;
                        out.computeIfAbsent(stamp, k -> new HashMap<>()).put(hour, rs.getLong(3));
                    }
                });
        return out;
    }

    @Override
    public void write(List<HourTotal> totals) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(totals);
                return;
            } catch (org.springframework.dao.DuplicateKeyException another) {
                if (attempt == 2) {
                    log.warn("Could not store {} hourly request totals for the growth feature", totals.size(), another);
                    return;
                }
                // another instance inserted one of these hours just now: raising it once more is enough
            } catch (RuntimeException e) {
                // the scores go on; an hour is written again when a stamp reads it whole again
                log.warn("Could not store {} hourly request totals for the growth feature", totals.size(), e);
                return;
            }
        }
    }

    /** Raises each existing row to its total, then inserts the rows not there yet. */
    private void writeOnce(List<HourTotal> totals) {
        template.batchUpdate(
                "update stamp_hourly_requests set requests = ? where stamp = ? and hour_at = ? and requests < ?",
                totals,
                500,
                (ps, t) -> {
                    ps.setLong(1, t.requests());
                    ps.setString(2, t.stamp());
                    ps.setObject(3, at(t.hour()));
                    ps.setLong(4, t.requests());
                });
        template.batchUpdate(
                "insert into stamp_hourly_requests (stamp, hour_at, requests) select cast(? as varchar(64)),"
                        + " cast(? as timestamp with time zone), cast(? as bigint) where not exists"
                        + " (select 1 from stamp_hourly_requests where stamp = ? and hour_at = ?)",
                totals,
                500,
                (ps, t) -> {
                    ps.setString(1, t.stamp());
                    ps.setObject(2, at(t.hour()));
                    ps.setLong(3, t.requests());
                    ps.setString(4, t.stamp());
                    ps.setObject(5, at(t.hour()));
                });
    }

    /** Deletes hours older than {@link #KEEP}, on the elected instance. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void prune() {
        if (jobs.holdsLease(PRUNE_JOB)) {
            pruneBefore(clock.instant().minus(KEEP));
        }
    }

    int pruneBefore(Instant cutoff) {
        return jdbc.sql("delete from stamp_hourly_requests where hour_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }

    private static OffsetDateTime at(long hour) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(hour * 3600), ZoneOffset.UTC);
    }
}
