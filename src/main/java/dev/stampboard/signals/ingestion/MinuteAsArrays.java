package dev.stampboard.signals.ingestion;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A simulated minute's rows into the sample tables on PostgreSQL in one statement per table, each column sent as one
 * array and unnested in the database. The JDBC batch the ingestion stores use ({@link CpuSampleStore#insertNew}) costs
 * the server a statement execution per row; at 500 stamps (16,933 rows a minute) that was most of the 0.6 CPU-s
 * PostgreSQL spent per stored minute (README "The simulator with several instances", figures before and after).
 * First wins as in ingestion: a row that exists already (sent through the API for a simulated stamp) is filtered by
 * {@code NOT EXISTS} before {@code ON CONFLICT}, so it takes no sequence value (a gap followers would wait for).
 * The rows are marked {@code simulated} (V160) for their own retention ({@code SimulatedTelemetryStore#prune}).
 */
final class MinuteAsArrays {

    private static final String CPU = "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu, simulated)"
            + " select r.stamp, r.pool, r.node, m.at, r.cpu, true"
            + " from (select cast(? as timestamp with time zone) as at) m,"
            + " unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as real[]))"
            + " as r(stamp, pool, node, cpu)"
            + " where not exists (select 1 from node_cpu_sample s where s.minute_at = m.at and s.stamp = r.stamp"
            + " and s.pool = r.pool and s.node = r.node) on conflict do nothing";

    private static final String TRAFFIC = "insert into registry_traffic_sample (registry, region, stamp, minute_at,"
            + " requests, bytes, throttled, errors, p99_ms, simulated)"
            + " select r.registry, r.region, r.stamp, m.at, r.requests, r.bytes, r.throttled, r.errors, r.p99, true"
            + " from (select cast(? as timestamp with time zone) as at) m,"
            + " unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as bigint[]),"
            + " cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as double precision[]))"
            + " as r(registry, region, stamp, requests, bytes, throttled, errors, p99)"
            + " where not exists (select 1 from registry_traffic_sample s where s.minute_at = m.at"
            + " and s.registry = r.registry and s.region = r.region) on conflict do nothing";

    private final JdbcTemplate jdbc;

    MinuteAsArrays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the minute's rows no row exists for yet, in the caller's transaction. */
    void store(long minute, List<SimulatedTelemetryStore.Cpu> samples, List<SimulatedTelemetryStore.Traffic> rows) {
        if (!samples.isEmpty()) {
            int n = samples.size();
            String[] stamps = new String[n];
            String[] pools = new String[n];
            String[] nodes = new String[n];
            Float[] cpu = new Float[n];
            for (int i = 0; i < n; i++) {
                SimulatedTelemetryStore.Cpu s = samples.get(i);
                stamps[i] = s.stamp();
                pools[i] = s.pool().name();
                nodes[i] = s.node();
                cpu[i] = s.cpu();
            }
            jdbc.update(connection -> statement(
                    connection,
                    CPU,
                    minute,
                    array(connection, "varchar", stamps),
                    array(connection, "varchar", pools),
                    array(connection, "varchar", nodes),
                    array(connection, "float4", cpu)));
        }
        if (!rows.isEmpty()) {
            int n = rows.size();
            String[] registries = new String[n];
            String[] regions = new String[n];
            String[] stamps = new String[n];
            Long[] requests = new Long[n];
            Long[] bytes = new Long[n];
            Long[] throttled = new Long[n];
            Long[] errors = new Long[n];
            Double[] p99 = new Double[n];
            for (int i = 0; i < n; i++) {
                SimulatedTelemetryStore.Traffic t = rows.get(i);
                registries[i] = t.registry();
                regions[i] = t.region();
                stamps[i] = t.stamp();
                requests[i] = t.counts().requests();
                bytes[i] = t.counts().bytes();
                throttled[i] = t.counts().throttled();
                errors[i] = t.counts().errors();
                p99[i] = t.counts().p99Ms();
            }
            jdbc.update(connection -> statement(
                    connection,
                    TRAFFIC,
                    minute,
                    array(connection, "varchar", registries),
                    array(connection, "varchar", regions),
                    array(connection, "varchar", stamps),
                    array(connection, "int8", requests),
                    array(connection, "int8", bytes),
                    array(connection, "int8", throttled),
                    array(connection, "int8", errors),
                    array(connection, "float8", p99)));
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    private static PreparedStatement statement(Connection connection, String sql, long minute, Array... columns)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setObject(1, StoredMinutes.at(minute));
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 2, columns[i]);
        }
        return statement;
    }
}
