package dev.stampboard.signals.ingestion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ingested registry traffic, kept so traffic shares and reactive signals survive a restart and so that every console
 * instance on the database follows what any of them accepted (see {@link TelemetryFollower}).
 */
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

    /** A stored row with its sequence value, as the follower reads it. */
    record Sequenced(long seq, StoredTraffic row) {}

    private static final String COLUMNS =
            "registry, region, stamp, minute_at, requests, bytes, throttled, errors, p99_ms";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String insertNew;

    TrafficSampleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        boolean postgres = Databases.isPostgres(template);
        // first wins in the database, whichever instance inserts first; filtered by NOT EXISTS on PostgreSQL too, so a
        // duplicate takes no sequence value (see CpuSampleStore)
        String filtered =
                "insert into registry_traffic_sample (" + COLUMNS + ", simulated) select cast(? as varchar(255)),"
                        + " cast(? as varchar(64)), cast(? as varchar(64)), cast(? as timestamp with time zone),"
                        + " cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint),"
                        + " cast(? as double precision), cast(? as boolean) where not exists (select 1 from registry_traffic_sample"
                        + " where registry = ? and region = ? and minute_at = ?)";
        this.insertNew = postgres ? filtered + " on conflict do nothing" : filtered;
    }

    /** Stores each row no row exists for yet (same replica and minute); {@code stored[i]} says whether row i was. */
    boolean[] insertNew(List<StoredTraffic> rows) {
        return insertNew(rows, false);
    }

    /** As {@link #insertNew(List)}, marking the rows as the simulator's ({@code simulated}: their own retention). */
    boolean[] insertNew(List<StoredTraffic> rows, boolean simulated) {
        int[][] counts = template.batchUpdate(insertNew, rows, 1000, (ps, r) -> {
            ps.setString(1, r.registry());
            ps.setString(2, r.region());
            ps.setString(3, r.stamp());
            ps.setObject(4, StoredMinutes.at(r.minute()));
            ps.setLong(5, r.requests());
            ps.setLong(6, r.bytes());
            ps.setLong(7, r.throttled());
            ps.setLong(8, r.errors());
            ps.setDouble(9, r.p99Ms());
            ps.setBoolean(10, simulated);
            ps.setString(11, r.registry());
            ps.setString(12, r.region());
            ps.setObject(13, StoredMinutes.at(r.minute()));
        });
        boolean[] stored = new boolean[rows.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                stored[i++] = count != 0;
            }
        }
        return stored;
    }

    /** Rows of minutes {@code [fromMinute, toMinute]}, oldest first. */
    void forEachBetween(long fromMinute, long toMinute, Consumer<StoredTraffic> consumer) {
        jdbc.sql("select " + COLUMNS
                        + " from registry_traffic_sample where minute_at >= ? and minute_at <= ? order by minute_at")
                .params(StoredMinutes.at(fromMinute), StoredMinutes.at(toMinute))
                .query(rs -> {
                    consumer.accept(row(rs));
                });
    }

    /** The highest sequence value stored, 0 when there is none. */
    long maxSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from registry_traffic_sample")
                .query(Long.class)
                .single();
    }

    /** Up to {@code limit} rows with a sequence value above {@code afterSeq}, in sequence order. */
    List<Sequenced> after(long afterSeq, int limit) {
        return jdbc.sql("select seq, " + COLUMNS + " from registry_traffic_sample where seq > ? order by seq limit ?")
                .params(afterSeq, limit)
                .query((rs, n) -> new Sequenced(rs.getLong("seq"), row(rs)))
                .list();
    }

    /** The rows with a sequence value in {@code [fromSeq, toSeq]}. */
    List<Sequenced> between(long fromSeq, long toSeq) {
        return jdbc.sql("select seq, " + COLUMNS
                        + " from registry_traffic_sample where seq >= ? and seq <= ? order by seq")
                .params(fromSeq, toSeq)
                .query((rs, n) -> new Sequenced(rs.getLong("seq"), row(rs)))
                .list();
    }

    private static StoredTraffic row(ResultSet rs) throws SQLException {
        return new StoredTraffic(
                rs.getString("registry"),
                rs.getString("region"),
                rs.getString("stamp"),
                StoredMinutes.of(rs.getObject("minute_at", OffsetDateTime.class)),
                rs.getLong("requests"),
                rs.getLong("bytes"),
                rs.getLong("throttled"),
                rs.getLong("errors"),
                rs.getDouble("p99_ms"));
    }
}
