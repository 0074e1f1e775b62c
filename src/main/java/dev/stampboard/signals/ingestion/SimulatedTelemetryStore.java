package dev.stampboard.signals.ingestion;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.TrafficCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The simulator's minutes in the sample tables, for console instances sharing one database: the elected instance
 * generates each minute once and stores it here, and every other instance's {@link TelemetryFollower} reads it as it
 * reads ingested telemetry, so all of them hold the same samples whatever the model would have made of a layout read
 * a moment earlier or later (README "The simulator with several instances").
 */
@Component
public class SimulatedTelemetryStore {

    /** One node's CPU % in the stored minute. */
    public record Cpu(String stamp, PoolKind pool, String node, float cpu) {}

    /** One replica's traffic in the stored minute, on the stamp that served it (what the engine records). */
    public record Traffic(String registry, String region, String stamp, TrafficCounts counts) {}

    private final CpuSampleStore cpu;
    private final TrafficSampleStore traffic;
    private final boolean postgres;
    /** PostgreSQL's path: one statement per table and minute; null on H2, which takes the ingestion stores' batches. */
    private final @org.jspecify.annotations.Nullable MinuteAsArrays arrays;
    /**
     * {@code stampboard_simulator_stored_minutes_total}: which instance generates the shared minutes, seen from
     * outside. Summed over the instances it is the number of minutes stored, each once
     * ({@code SimulatedWorldOnTwoConsolesTest} counts it against the stored rows).
     */
    private final Counter storedMinutes;

    @org.springframework.beans.factory.annotation.Autowired
    SimulatedTelemetryStore(
            CpuSampleStore cpu, TrafficSampleStore traffic, JdbcTemplate template, MeterRegistry registry) {
        this(cpu, traffic, template, registry, Databases.isPostgres(template));
    }

    /** {@code asArrays}: whether to store a minute as arrays (PostgreSQL only) or in the ingestion stores' batches. */
    SimulatedTelemetryStore(
            CpuSampleStore cpu,
            TrafficSampleStore traffic,
            JdbcTemplate template,
            MeterRegistry registry,
            boolean asArrays) {
        this.cpu = cpu;
        this.traffic = traffic;
        this.postgres = Databases.isPostgres(template);
        this.arrays = asArrays ? new MinuteAsArrays(template) : null;
        this.storedMinutes = Counter.builder("stampboard.simulator.stored.minutes")
                .description("Simulated minutes this console instance generated and stored for the other instances"
                        + " (on a shared database only the elected instance does)")
                .register(registry);
    }

    /** Whether several console instances can share this database (PostgreSQL; an H2 file serves one). */
    public boolean sharedDatabase() {
        return postgres;
    }

    /**
     * Stores one minute's rows in the caller's transaction, marked as simulated. First wins, as for ingestion: a row
     * stored for the same node or replica minute before (telemetry sent through the API for a simulated stamp) is kept.
     */
    public void store(long minute, List<Cpu> samples, List<Traffic> rows) {
        if (arrays != null) {
            arrays.store(minute, samples, rows);
        } else {
            cpu.insertNew(
                    samples.stream()
                            .map(s -> new CpuSampleStore.StoredSample(s.stamp(), s.pool(), s.node(), minute, s.cpu()))
                            .toList(),
                    true);
            traffic.insertNew(
                    rows.stream()
                            .map(t -> new TrafficSampleStore.StoredTraffic(
                                    t.registry(),
                                    t.region(),
                                    t.stamp(),
                                    minute,
                                    t.counts().requests(),
                                    t.counts().bytes(),
                                    t.counts().throttled(),
                                    t.counts().errors(),
                                    t.counts().p99Ms()))
                            .toList(),
                    true);
        }
        // counted once the minute and its claim are committed: a rolled-back minute was stored by nobody
        AfterCommit.run(storedMinutes::increment);
    }
}
