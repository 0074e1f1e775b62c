package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.support.TestH2;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: the simulated minutes the elected instance stores. On H2 they go through the ingestion stores' batches, on
 * PostgreSQL as one statement of arrays per table ({@link MinuteAsArrays}); either way a row ingested before for the
 * same node or replica minute is kept, the minute takes no sequence value it does not store (followers would wait for
 * the gap), and the rows are marked simulated, so that pruning them leaves ingested rows alone. Expected rows are
 * written out here, from what each case stores. The PostgreSQL cases need {@code STAMPBOARD_TEST_PG_URL}.
 */
class SimulatedTelemetryStoreTest {

    private static final long M0 = 29_400_000L;

    private record Stores(
            DataSource db,
            JdbcClient jdbc,
            CpuSampleStore cpu,
            TrafficSampleStore traffic,
            SimulatedTelemetryStore sim) {}

    private static Stores on(DataSource db) {
        JdbcClient jdbc = JdbcClient.create(db);
        JdbcTemplate template = new JdbcTemplate(db);
        CpuSampleStore cpu = new CpuSampleStore(jdbc, template);
        TrafficSampleStore traffic = new TrafficSampleStore(jdbc, template);
        return new Stores(
                db, jdbc, cpu, traffic, new SimulatedTelemetryStore(cpu, traffic, template, new SimpleMeterRegistry()));
    }

    private static DataSource postgres(String suffix) {
        assumeTrue(TestPostgres.url().isPresent(), TestPostgres.NOT_GIVEN);
        return TestPostgres.migratedSchema(
                TestNames.of(SimulatedTelemetryStoreTest.class).prefix() + suffix);
    }

    private static SimulatedTelemetryStore.Cpu cpu(String node, float value) {
        return new SimulatedTelemetryStore.Cpu("s1", PoolKind.REGISTRY, node, value);
    }

    private static SimulatedTelemetryStore.Traffic traffic(String registry, long requests) {
        return new SimulatedTelemetryStore.Traffic(
                registry, "r", "s1", new TrafficCounts(requests, requests * 1000, 1, 2, 12.5));
    }

    @Test
    void a_minute_is_stored_first_wins_without_a_sequence_gap_on_h2() {
        storesFirstWins(on(TestH2.migrated("simulated-store")));
    }

    @Test
    void a_minute_is_stored_first_wins_without_a_sequence_gap_on_postgresql() {
        storesFirstWins(on(postgres("store")));
    }

    private static void storesFirstWins(Stores s) {
        // ingested before the simulator stored the minute: kept, and not marked simulated
        s.cpu().insertNew(List.of(new CpuSampleStore.StoredSample("s1", PoolKind.REGISTRY, "n1", M0, 10f)));
        s.traffic().insertNew(List.of(new TrafficSampleStore.StoredTraffic("reg1", "r", "s1", M0, 7, 70, 0, 0, 3)));

        s.sim()
                .store(
                        M0,
                        List.of(cpu("n1", 90f), cpu("n2", 20f), cpu("n3", 30.5f)),
                        List.of(traffic("reg1", 999), traffic("reg2", 5)));

        assertThat(s.jdbc()
                        .sql("select stamp, pool, node, cpu, simulated from node_cpu_sample order by node")
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "="
                                + rs.getFloat(4) + (rs.getBoolean(5) ? " simulated" : ""))
                        .list())
                .containsExactly(
                        "s1 REGISTRY n1=10.0", "s1 REGISTRY n2=20.0 simulated", "s1 REGISTRY n3=30.5 simulated");
        assertThat(s.jdbc()
                        .sql("select registry, region, stamp, requests, bytes, throttled, errors, p99_ms, simulated"
                                + " from registry_traffic_sample order by registry")
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7) + " "
                                + rs.getDouble(8) + (rs.getBoolean(9) ? " simulated" : ""))
                        .list())
                .containsExactly("reg1 r s1 7 70 0 0 3.0", "reg2 r s1 5 5000 1 2 12.5 simulated");
        for (String table : List.of("node_cpu_sample", "registry_traffic_sample")) {
            assertThat(s.jdbc()
                            .sql("select max(seq) - min(seq) + 1 - count(*) from " + table)
                            .query(Long.class)
                            .single())
                    .as("sequence values taken and not stored in %s (a gap followers wait for)", table)
                    .isZero();
        }
    }

    @Test
    void pruning_deletes_only_simulated_rows_before_the_cutoff_on_h2() {
        prunesSimulatedOnly(on(TestH2.migrated("simulated-prune")));
    }

    @Test
    void pruning_deletes_only_simulated_rows_before_the_cutoff_on_postgresql() {
        prunesSimulatedOnly(on(postgres("prune")));
    }

    private static void prunesSimulatedOnly(Stores s) {
        // ten simulated minutes of two nodes and one replica; one ingested sample and row in the first minute
        s.cpu().insertNew(List.of(new CpuSampleStore.StoredSample("s1", PoolKind.REGISTRY, "api", M0, 1f)));
        s.traffic().insertNew(List.of(new TrafficSampleStore.StoredTraffic("api-reg", "r", "s1", M0, 1, 1, 0, 0, 1)));
        for (long m = M0; m < M0 + 10; m++) {
            s.sim().store(m, List.of(cpu("n1", 1f), cpu("n2", 2f)), List.of(traffic("reg1", 3)));
        }
        // batches of 3 rows, so a pass takes several statements
        TelemetryRetention retention = new TelemetryRetention(
                new JdbcTemplate(s.db()), new TelemetryProperties(Duration.ofDays(14), null, 3), Clock.systemUTC());

        TelemetryRetention.Pruned pruned = retention.pruneSimulatedBefore(M0 + 4);

        assertThat(pruned).isEqualTo(new TelemetryRetention.Pruned(4 * 2, 4));
        assertThat(minutes(s, "node_cpu_sample", true))
                .isEqualTo(LongStream.range(M0 + 4, M0 + 10)
                        .flatMap(m -> LongStream.of(m, m))
                        .boxed()
                        .toList());
        assertThat(minutes(s, "registry_traffic_sample", true))
                .isEqualTo(LongStream.range(M0 + 4, M0 + 10).boxed().toList());
        assertThat(minutes(s, "node_cpu_sample", false))
                .as("ingested, older than the cutoff: kept")
                .containsExactly(M0);
        assertThat(minutes(s, "registry_traffic_sample", false)).containsExactly(M0);
    }

    private static List<Long> minutes(Stores s, String table, boolean simulated) {
        return s.jdbc()
                .sql("select minute_at from " + table + " where simulated = ? order by minute_at")
                .param(simulated)
                .query((rs, n) -> StoredMinutes.of(rs.getObject(1, java.time.OffsetDateTime.class)))
                .list();
    }
}
