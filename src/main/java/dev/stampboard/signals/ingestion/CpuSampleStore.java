package dev.stampboard.signals.ingestion;

import dev.stampboard.fleet.PoolKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ingested (bring-your-own) CPU samples, kept so the window survives a restart and so that every console instance
 * on the database follows what any of them accepted (by the {@code seq} column, see {@link TelemetryFollower}).
 */
@Repository
class CpuSampleStore {

    record StoredSample(String stamp, PoolKind pool, String node, long minute, float cpu) {}

    /** A stored sample with its sequence value, as the follower reads it. */
    record Sequenced(long seq, StoredSample sample) {}

    private static final String KEY = "stamp = ? and pool = ? and node = ? and minute_at = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String insertNew;

    CpuSampleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        boolean postgres = Databases.isPostgres(template);
        // first wins in the database, whichever instance inserts first (H2 has no ON CONFLICT outside its
        // PostgreSQL mode; an H2 file database serves one instance). On PostgreSQL the row is filtered by NOT EXISTS
        // as well: ON CONFLICT alone takes a sequence value for every row sent, duplicates included, and each value
        // never stored is a gap the other instances' followers (and their executors) wait for until it is settle old
        String filtered = "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu, simulated) select"
                + " cast(? as varchar(64)), cast(? as varchar(16)), cast(? as varchar(64)),"
                + " cast(? as timestamp with time zone), cast(? as real), cast(? as boolean) where not exists (select 1 from node_cpu_sample where "
                + KEY + ")";
        this.insertNew = postgres ? filtered + " on conflict do nothing" : filtered;
    }

    /**
     * Stores each sample no row exists for yet (another console instance may have stored the same node-minute
     * first: its value is kept); {@code stored[i]} says whether sample {@code i} was stored.
     */
    boolean[] insertNew(List<StoredSample> samples) {
        return insertNew(samples, false);
    }

    /** As {@link #insertNew(List)}, marking the rows as the simulator's ({@code simulated}: their own retention). */
    boolean[] insertNew(List<StoredSample> samples, boolean simulated) {
        int[][] counts = template.batchUpdate(insertNew, samples, 1000, (ps, s) -> {
            ps.setString(1, s.stamp());
            ps.setString(2, s.pool().name());
            ps.setString(3, s.node());
            ps.setObject(4, StoredMinutes.at(s.minute()));
            ps.setFloat(5, s.cpu());
            ps.setBoolean(6, simulated);
            ps.setString(7, s.stamp());
            ps.setString(8, s.pool().name());
            ps.setString(9, s.node());
            ps.setObject(10, StoredMinutes.at(s.minute()));
        });
        boolean[] stored = new boolean[samples.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // a driver that cannot tell (SUCCESS_NO_INFO, -2) stored it: a conflict would say 0
                stored[i++] = count != 0;
            }
        }
        return stored;
    }

    /** Samples of minutes {@code [fromMinute, toMinute]}, oldest first. */
    void forEachBetween(long fromMinute, long toMinute, Consumer<StoredSample> consumer) {
        jdbc.sql(
                        "select stamp, pool, node, minute_at, cpu from node_cpu_sample where minute_at >= ? and minute_at <= ? order by minute_at")
                .params(StoredMinutes.at(fromMinute), StoredMinutes.at(toMinute))
                .query(rs -> {
                    consumer.accept(sample(rs));
                });
    }

    /** The highest sequence value stored, 0 when there is none. */
    long maxSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from node_cpu_sample")
                .query(Long.class)
                .single();
    }

    /** Up to {@code limit} samples with a sequence value above {@code afterSeq}, in sequence order. */
    List<Sequenced> after(long afterSeq, int limit) {
        return jdbc.sql("select seq, stamp, pool, node, minute_at, cpu from node_cpu_sample where seq > ?"
                        + " order by seq limit ?")
                .params(afterSeq, limit)
                .query((rs, n) -> new Sequenced(rs.getLong("seq"), sample(rs)))
                .list();
    }

    /** The samples with a sequence value in {@code [fromSeq, toSeq]}. */
    List<Sequenced> between(long fromSeq, long toSeq) {
        return jdbc.sql("select seq, stamp, pool, node, minute_at, cpu from node_cpu_sample"
                        + " where seq >= ? and seq <= ? order by seq")
                .params(fromSeq, toSeq)
                .query((rs, n) -> new Sequenced(rs.getLong("seq"), sample(rs)))
                .list();
    }

    private static StoredSample sample(ResultSet rs) throws SQLException {
        return new StoredSample(
                rs.getString("stamp"),
                PoolKind.valueOf(rs.getString("pool")),
                rs.getString("node"),
                StoredMinutes.of(rs.getObject("minute_at", OffsetDateTime.class)),
                rs.getFloat("cpu"));
    }
}
