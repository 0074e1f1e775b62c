package dev.stampboard.fleet;

import dev.stampboard.base.SingleInstanceJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes the stamp-state history ({@code stamp_state_change}, its nodes by cascade) with the telemetry retention,
 * on the elected instance. The history is read only to build past minutes (the simulator's back-fill and ticking), so
 * what a minute at or after the cutoff needs stays: every entry after the cutoff and, per stamp, the newest one
 * before it (the state in force at the cutoff; for a stamp unchanged since, its only entry, so the latest entry of
 * every stamp survives). The cutoff is the longer of the retention and the back-fill window before now.
 * <p>
 * Every instance shrinks its own in-memory timeline ({@code FleetService.stampStateTimeline()}) by the same rule at
 * each pass, elected or not: it reads the history incrementally, so it would otherwise keep every entry it ever read.
 */
@Component
class StampStateRetention {

    private static final Logger log = LoggerFactory.getLogger(StampStateRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private final Duration keep;
    /** Shrinks this instance's timeline ({@code FleetService.forgetStampStatesBefore}). */
    private final java.util.function.Consumer<Instant> forget;

    @org.springframework.beans.factory.annotation.Autowired
    StampStateRetention(
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<SingleInstanceJobs> jobs,
            @Value("${stampboard.telemetry.retention:P14D}") Duration retention,
            @Value("${stampboard.simulator.backfill-minutes:720}") int backfillMinutes,
            FleetService fleet) {
        this(jdbc, clock, jobs, retention, backfillMinutes, fleet::forgetStampStatesBefore);
    }

    StampStateRetention(
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<SingleInstanceJobs> jobs,
            Duration retention,
            int backfillMinutes,
            java.util.function.Consumer<Instant> forget) {
        this.forget = forget;
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
        Duration backfill = Duration.ofMinutes(backfillMinutes > 0 ? backfillMinutes : 720);
        this.keep = retention.compareTo(backfill) > 0 ? retention : backfill;
    }

    @Scheduled(
            initialDelayString = "${stampboard.telemetry.prune-initial-delay:PT1M}",
            fixedDelayString = "${stampboard.telemetry.prune-interval:PT10M}")
    void scheduledPrune() {
        Instant cutoff = clock.instant().minus(keep);
        forget.accept(cutoff);
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease("stamp-state-retention")) {
            return; // the elected instance prunes the table for all
        }
        int pruned = prune(cutoff);
        if (pruned > 0) {
            log.info("Stamp-state history: pruned {} entries older than {}", pruned, keep);
        }
    }

    /**
     * Deletes each entry before {@code cutoff} that a later entry of its stamp, also before the cutoff, superseded (in
     * the timeline's order: when written, then id); returns how many.
     */
    int prune(Instant cutoff) {
        OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return jdbc.sql("delete from stamp_state_change c where c.changed_at < ? and exists (select 1 from"
                        + " stamp_state_change n where n.stamp = c.stamp and n.changed_at < ? and (n.changed_at >"
                        + " c.changed_at or (n.changed_at = c.changed_at and n.id > c.id)))")
                .params(at, at)
                .update();
    }
}
