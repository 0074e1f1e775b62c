package dev.stampboard.signals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stampboard.fleet.PoolKind;

/** Ingested (bring-your-own) CPU samples, kept so the window survives a restart. */
@Repository
class CpuSampleStore {

    record StoredSample(String stamp, PoolKind pool, String node, long minute, float cpu) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    CpuSampleStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<StoredSample> samples) {
        template.batchUpdate("insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values (?, ?, ?, ?, ?)",
                samples, 1000, (ps, s) -> {
                    ps.setString(1, s.stamp());
                    ps.setString(2, s.pool().name());
                    ps.setString(3, s.node());
                    ps.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochSecond(s.minute() * 60), ZoneOffset.UTC));
                    ps.setFloat(5, s.cpu());
                });
    }

    void forEachSince(long fromMinute, Consumer<StoredSample> consumer) {
        jdbc.sql("select stamp, pool, node, minute_at, cpu from node_cpu_sample where minute_at >= ? order by minute_at")
                .param(OffsetDateTime.ofInstant(Instant.ofEpochSecond(fromMinute * 60), ZoneOffset.UTC))
                .query(rs -> {
                    consumer.accept(new StoredSample(rs.getString("stamp"), PoolKind.valueOf(rs.getString("pool")),
                            rs.getString("node"), rs.getObject("minute_at", OffsetDateTime.class).toEpochSecond() / 60,
                            rs.getFloat("cpu")));
                });
    }
}
