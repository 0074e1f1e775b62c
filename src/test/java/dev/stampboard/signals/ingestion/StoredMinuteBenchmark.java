package dev.stampboard.signals.ingestion;

import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.support.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18's figure for storing a simulated minute on PostgreSQL, not a test: {@code large-500}'s minutes (16,933 rows
 * each) from the real model, each stored with its claim in one transaction as the elected instance does, once through
 * the ingestion stores' JDBC batches and once as arrays ({@link MinuteAsArrays}), alternating minute by minute so both
 * see the same load. Each variant has a schema of its own and one connection, so the PostgreSQL CPU is its backend's
 * own ({@code /proc/<pid>/stat}: the server must run on this machine); the console's is the storing thread's. WAL
 * bytes from the LSN before and after each minute (other databases' writes in that moment count too).
 *
 * <pre>
 * export STAMPBOARD_TEST_PG_URL="$(bash .ci/postgres.sh)"
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   dev.stampboard.signals.ingestion.StoredMinuteBenchmark 60 500
 * </pre>
 * Arguments: minutes per variant (60), stamps (500).
 */
public final class StoredMinuteBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoredMinuteBenchmark() {}

    /** One way of storing, with what it cost so far. */
    private static final class Variant {
        final String name;
        final SingleConnectionDataSource db;
        final JdbcClient jdbc;
        final SimulatedTelemetryStore store;
        final TransactionTemplate transactions;
        final int backend;
        long consoleNanos;
        long serverTicks;
        long walBytes;

        Variant(String name, boolean asArrays) {
            this(name, asArrays, List.of());
        }

        /** {@code ddl}: run after the migrations, to try another index layout. */
        Variant(String name, boolean asArrays, List<String> ddl) {
            this.name = name;
            TestPostgres.migratedSchema("bench_" + name);
            String url = TestPostgres.url().orElseThrow() + "?currentSchema=bench_" + name;
            db = new SingleConnectionDataSource(url, "stampboard", "stampboard", true);
            jdbc = JdbcClient.create(db);
            JdbcTemplate template = new JdbcTemplate(db);
            store = new SimulatedTelemetryStore(
                    new CpuSampleStore(jdbc, template),
                    new TrafficSampleStore(jdbc, template),
                    template,
                    new SimpleMeterRegistry(),
                    asArrays);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(db));
            backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
            ddl.forEach(statement -> jdbc.sql(statement).update());
            jdbc.sql("insert into simulator_state (id, sim_minute, seed) values (1, 0, 1)")
                    .update();
        }

        void store(long minute, List<SimulatedTelemetryStore.Cpu> cpu, List<SimulatedTelemetryStore.Traffic> traffic) {
            long lsn = lsn();
            long ticks = ticks(backend);
            long nanos = THREADS.getCurrentThreadCpuTime();
            transactions.executeWithoutResult(status -> {
                int claimed = jdbc.sql("update simulator_state set stored_minute = ? where id = 1"
                                + " and (stored_minute is null or stored_minute < ?)")
                        .params(minute, minute)
                        .update();
                if (claimed != 1) {
                    throw new IllegalStateException("minute " + minute + " claimed before");
                }
                store.store(minute, cpu, traffic);
            });
            consoleNanos += THREADS.getCurrentThreadCpuTime() - nanos;
            serverTicks += ticks(backend) - ticks;
            walBytes += lsn() - lsn;
        }

        long lsn() {
            return jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")
                    .query(Long.class)
                    .single();
        }

        long rows() {
            return jdbc.sql("select (select count(*) from node_cpu_sample) + (select count(*) from"
                            + " registry_traffic_sample)")
                    .query(Long.class)
                    .single();
        }
    }

    /** User + system CPU of a process in clock ticks (1/100 s). */
    static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL must run on this machine to read its CPU", e);
        }
    }

    public static void main(String[] args) {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int stamps = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Scenario scenario = Scenarios.generated(1, stamps, 4, 20261126L);
        FleetLayout layout = scenario.initialLayout();
        FleetTrafficModel model = new FleetTrafficModel(scenario, 20261126L);
        List<Variant> variants =
                new java.util.ArrayList<>(List.of(new Variant("batch", false), new Variant("arrays", true)));
        if (Boolean.getBoolean("minuteFirst")) {
            variants.add(new Variant(
                    "minute_first",
                    true,
                    List.of(
                            "alter table node_cpu_sample drop constraint node_cpu_sample_pkey",
                            "alter table node_cpu_sample add primary key (minute_at, stamp, pool, node)",
                            "drop index ix_node_cpu_sample_minute",
                            "alter table registry_traffic_sample drop constraint registry_traffic_sample_pkey",
                            "alter table registry_traffic_sample add primary key (minute_at, registry, region)",
                            "drop index ix_registry_traffic_sample_minute")));
        }
        long first = 29_500_000L;
        int rowsPerMinute = 0;
        for (int i = 0; i < minutes; i++) {
            MinuteSnapshot snapshot = model.minute(first + i, layout);
            List<SimulatedTelemetryStore.Cpu> cpu = snapshot.nodeCpu().stream()
                    .map(s -> new SimulatedTelemetryStore.Cpu(s.stamp(), s.pool(), s.node(), s.cpu()))
                    .toList();
            List<SimulatedTelemetryStore.Traffic> traffic = snapshot.traffic().stream()
                    .map(t -> new SimulatedTelemetryStore.Traffic(
                            t.registry(),
                            t.region(),
                            t.stamp(),
                            new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99LatencyMs())))
                    .toList();
            rowsPerMinute = cpu.size() + traffic.size();
            if (i % 10 == 1) {
                // what autovacuum does on a live database: without statistics a growing table's first-wins probe is
                // planned as a scan of a table believed empty (the batch variant then cost 8 CPU-s a minute)
                variants.forEach(v -> v.jdbc.sql("analyze node_cpu_sample, registry_traffic_sample")
                        .update());
            }
            // alternate which goes first, so neither always meets the other's dirty pages or checkpoint
            for (int v = 0; v < variants.size(); v++) {
                variants.get((v + i) % variants.size()).store(first + i, cpu, traffic);
            }
        }
        System.out.printf("%d stamps, %d rows a minute, %d minutes per variant%n", stamps, rowsPerMinute, minutes);
        for (Variant v : variants) {
            System.out.printf(
                    "%-7s console %.3f CPU-s/min, PostgreSQL backend %.3f CPU-s/min, WAL %.1f MB/min, %d rows stored%n",
                    v.name,
                    v.consoleNanos / 1e9 / minutes,
                    v.serverTicks / 100.0 / minutes,
                    v.walBytes / 1e6 / minutes,
                    v.rows());
            v.db.destroy();
        }
    }
}
