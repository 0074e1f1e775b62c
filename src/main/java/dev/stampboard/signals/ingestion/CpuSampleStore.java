package dev.stampboard.signals.ingestion;

import dev.stampboard.fleet.PoolKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ingested (bring-your-own) CPU samples, kept so the window survives a restart. */
@Repository
class CpuSampleStore {

    record StoredSample(String stamp, PoolKind pool, String node, long minute, float cpu) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CpuSampleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<StoredSample> samples) {
        template.batchUpdate(
                "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values (?, ?, ?, ?, ?)",
                samples,
                1000,
                (ps, s) -> {
                    ps.setString(1, s.stamp());
                    ps.setString(2, s.pool().name());
                    ps.setString(3, s.node());
                    ps.setObject(4, StoredMinutes.at(s.minute()));
                    ps.setFloat(5, s.cpu());
                });
    }

    /** Samples of minutes {@code [fromMinute, toMinute]}, oldest first. */
    void forEachBetween(long fromMinute, long toMinute, Consumer<StoredSample> consumer) {
        jdbc.sql(
                        "select stamp, pool, node, minute_at, cpu from node_cpu_sample where minute_at >= ? and minute_at <= ? order by minute_at")
                .params(StoredMinutes.at(fromMinute), StoredMinutes.at(toMinute))
                .query(rs -> {
                    consumer.accept(new StoredSample(
                            rs.getString("stamp"),
                            PoolKind.valueOf(rs.getString("pool")),
                            rs.getString("node"),
                            StoredMinutes.of(rs.getObject("minute_at", OffsetDateTime.class)),
                            rs.getFloat("cpu")));
                });
    }
}
