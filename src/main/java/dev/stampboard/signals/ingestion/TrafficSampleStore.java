package dev.stampboard.signals.ingestion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ingested registry traffic, kept so traffic shares and reactive signals survive a restart. */
@Repository
class TrafficSampleStore {

    record StoredTraffic(
            String registry,
            String region,
            String stamp,
            long minute,
            long requests,
            long bytes,
            long throttled,
            long errors,
            double p99Ms) {}

    private static final String COLUMNS =
            "registry, region, stamp, minute_at, requests, bytes, throttled, errors, p99_ms";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TrafficSampleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<StoredTraffic> rows) {
        template.batchUpdate(
                "insert into registry_traffic_sample (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                1000,
                (ps, r) -> {
                    ps.setString(1, r.registry());
                    ps.setString(2, r.region());
                    ps.setString(3, r.stamp());
                    ps.setObject(4, StoredMinutes.at(r.minute()));
                    ps.setLong(5, r.requests());
                    ps.setLong(6, r.bytes());
                    ps.setLong(7, r.throttled());
                    ps.setLong(8, r.errors());
                    ps.setDouble(9, r.p99Ms());
                });
    }

    /** Rows of minutes {@code [fromMinute, toMinute]}, oldest first. */
    void forEachBetween(long fromMinute, long toMinute, Consumer<StoredTraffic> consumer) {
        jdbc.sql("select " + COLUMNS
                        + " from registry_traffic_sample where minute_at >= ? and minute_at <= ? order by minute_at")
                .params(StoredMinutes.at(fromMinute), StoredMinutes.at(toMinute))
                .query(rs -> {
                    consumer.accept(new StoredTraffic(
                            rs.getString("registry"),
                            rs.getString("region"),
                            rs.getString("stamp"),
                            StoredMinutes.of(rs.getObject("minute_at", OffsetDateTime.class)),
                            rs.getLong("requests"),
                            rs.getLong("bytes"),
                            rs.getLong("throttled"),
                            rs.getLong("errors"),
                            rs.getDouble("p99_ms")));
                });
    }
}
