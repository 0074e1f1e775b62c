package dev.stampboard.cutover;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cutover engine for Prometheus: {@code stampboard_moves{state}} (moves of every plan per state, read from
 * the database so every instance reports the same) and {@code stampboard_executor_lease_held} (1 on the one
 * instance that holds the executor lease now, else 0).
 */
@Component
class CutoverMetrics {

    /** One scrape reads every state's gauge; the counts are read once per this many nanoseconds. */
    private static final long COUNTS_TTL_NANOS = 2_000_000_000L;

    private final JdbcClient jdbc;
    private final ExecutorLease lease;
    private volatile Map<MoveState, Long> counts = new EnumMap<>(MoveState.class);
    private volatile long countedAt = System.nanoTime() - COUNTS_TTL_NANOS;

    CutoverMetrics(JdbcClient jdbc, ExecutorLease lease, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.lease = lease;
        for (MoveState state : MoveState.values()) {
            Gauge.builder("stampboard.moves", () -> counts().getOrDefault(state, 0L))
                    .description("Moves of all plans by state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder("stampboard.executor.lease.held", () -> holdsLease() ? 1 : 0)
                .description("1 when this console instance holds the cutover executor lease")
                .register(registry);
        Gauge.builder("stampboard.elected", () -> holds(JobLeases.ELECTED) ? 1 : 0)
                .description("1 when this console instance is the elected one: it runs the work done once (Azure"
                        + " polling, the simulator's side effects, plan expiry, isolation progress, pruning)")
                .register(registry);
    }

    private Map<MoveState, Long> counts() {
        if (System.nanoTime() - countedAt >= COUNTS_TTL_NANOS) {
            Map<MoveState, Long> fresh = new EnumMap<>(MoveState.class);
            jdbc.sql("select state, count(*) as n from move_run group by state").query(rs -> {
                fresh.put(MoveState.valueOf(rs.getString("state")), rs.getLong("n"));
            });
            counts = fresh;
            countedAt = System.nanoTime();
        }
        return counts;
    }

    private boolean holdsLease() {
        return holds(lease.name());
    }

    private boolean holds(String name) {
        // the table holds one row per lease name (the elected instance's too), each with its holder as owner
        return jdbc.sql("select expires_at from executor_lease where name = ? and owner = ?")
                .params(name, lease.owner())
                .query(OffsetDateTime.class)
                .optional()
                .map(until -> until.toInstant().isAfter(java.time.Instant.now()))
                .orElse(false);
    }
}
