package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.support.TestH2;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: pruning the stamp-state history keeps what any minute at or after the cutoff needs. On H2 through the
 * project's migrations: a history of three stamps written over 20 days, pruned with a cutoff on day 10. Which entries
 * must stay is worked out here (those after the cutoff, and each stamp's newest before it); the state in force at
 * every hour from the cutoff on must be what the whole history said, and a stamp's nodes go with its entry.
 */
class StampStateRetentionTest {

    private static final Instant DAY0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant CUTOFF = DAY0.plus(Duration.ofDays(10));

    private JdbcClient jdbc;
    /** The entries written, by name given here, with their ids. */
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(TestH2.migrated("stamp-states"));
    }

    private void entry(String name, String stamp, StampStatus status, double day, int nodes) {
        jdbc.sql(
                        "insert into stamp_state_change (stamp, region, kind, status, changed_at) values (?, 'r', 'SHARED', ?, ?)")
                .params(stamp, status.name(), OffsetDateTime.ofInstant(at(day), ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select max(id) from stamp_state_change")
                .query(Long.class)
                .single();
        for (int n = 0; n < nodes; n++) {
            jdbc.sql("insert into stamp_state_node (change_id, pool, node) values (?, 'REGISTRY', ?)")
                    .params(id, "rg-" + n)
                    .update();
        }
        ids.put(name, id);
    }

    private static Instant at(double day) {
        return DAY0.plusSeconds((long) (day * 86_400));
    }

    /** The entry in force at {@code t}: the last one written at or before it (the timeline's order). */
    private static Optional<StampStateChange> inForce(StampStateTimeline timeline, String stamp, Instant t) {
        StampStateChange last = null;
        for (StampStateChange c : timeline.of(stamp)) {
            if (!c.changedAt().isAfter(t)) {
                last = c;
            }
        }
        return Optional.ofNullable(last);
    }

    @Test
    void pruning_keeps_every_entry_after_the_cutoff_and_each_stamps_newest_before_it() {
        // s1: grown twice before the cutoff, drained after it
        entry("s1-declared", "s1", StampStatus.ACTIVE, 0, 10);
        entry("s1-grown", "s1", StampStatus.ACTIVE, 3, 12);
        entry("s1-grown-again", "s1", StampStatus.ACTIVE, 3, 14); // same instant: the later id wins
        entry("s1-draining", "s1", StampStatus.DRAINING, 12, 14);
        // s2: declared once, long before the cutoff (its latest entry)
        entry("s2-declared", "s2", StampStatus.ACTIVE, 1, 8);
        // s3: provisioned and activated before the cutoff, retired after it
        entry("s3-provisioning", "s3", StampStatus.PROVISIONING, 2, 4);
        entry("s3-active", "s3", StampStatus.ACTIVE, 9.9, 4);
        entry("s3-retired", "s3", StampStatus.RETIRED, 15, 0);
        StampStateTimeline whole = new StampStateHistory(jdbc).catchUp();

        int pruned = new StampStateRetention(
                        jdbc,
                        java.time.Clock.systemUTC(),
                        new org.springframework.beans.factory.support.StaticListableBeanFactory()
                                .getBeanProvider(dev.stampboard.base.SingleInstanceJobs.class),
                        Duration.ofDays(14),
                        720,
                        cutoff -> {})
                .prune(CUTOFF);

        List<String> kept = new ArrayList<>();
        List<Long> left = jdbc.sql("select id from stamp_state_change order by id")
                .query(Long.class)
                .list();
        ids.forEach((name, id) -> {
            if (left.contains(id)) {
                kept.add(name);
            }
        });
        assertThat(kept).containsExactly("s1-grown-again", "s1-draining", "s2-declared", "s3-active", "s3-retired");
        assertThat(pruned).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from stamp_state_node where change_id not in (select id from"
                                + " stamp_state_change)")
                        .query(Long.class)
                        .single())
                .as("the pruned entries' nodes went with them")
                .isZero();

        StampStateTimeline read = new StampStateHistory(jdbc).catchUp();
        for (String stamp : List.of("s1", "s2", "s3")) {
            for (Instant t = CUTOFF; t.isBefore(at(20)); t = t.plus(Duration.ofHours(1))) {
                assertThat(inForce(read, stamp, t)).as("%s at %s", stamp, t).isEqualTo(inForce(whole, stamp, t));
            }
        }
    }

    /**
     * Every instance's in-memory timeline shrinks with the history, the elected one's (which deletes the rows) and
     * the others' alike: each must then hold exactly what an instance started after the pruning reads from the table.
     * Without the shrink, both running instances would keep all eight entries.
     */
    @Test
    void every_instance_shrinks_its_timeline_to_what_the_pruned_history_holds() {
        entry("s1-declared", "s1", StampStatus.ACTIVE, 0, 10);
        entry("s1-grown", "s1", StampStatus.ACTIVE, 3, 12);
        entry("s1-grown-again", "s1", StampStatus.ACTIVE, 3, 14);
        entry("s1-draining", "s1", StampStatus.DRAINING, 12, 14);
        entry("s2-declared", "s2", StampStatus.ACTIVE, 1, 8);
        entry("s3-provisioning", "s3", StampStatus.PROVISIONING, 2, 4);
        entry("s3-active", "s3", StampStatus.ACTIVE, 9.9, 4);
        entry("s3-retired", "s3", StampStatus.RETIRED, 15, 0);
        StampStateHistory elected = new StampStateHistory(jdbc);
        StampStateHistory follower = new StampStateHistory(jdbc);
        assertThat(elected.catchUp().of("s1")).hasSize(4);
        assertThat(follower.catchUp().of("s1")).hasSize(4);
        // the clock is 14 days (the retention) after the cutoff
        java.time.Clock clock = java.time.Clock.fixed(CUTOFF.plus(Duration.ofDays(14)), ZoneOffset.UTC);

        retention(clock, job -> true, elected).scheduledPrune();
        retention(clock, job -> false, follower).scheduledPrune();

        StampStateTimeline fresh = new StampStateHistory(jdbc).catchUp();
        assertThat(fresh.stamps()).containsExactlyInAnyOrder("s1", "s2", "s3");
        for (String stamp : List.of("s1", "s2", "s3")) {
            assertThat(elected.catchUp().of(stamp)).as("elected, %s", stamp).isEqualTo(fresh.of(stamp));
            assertThat(follower.catchUp().of(stamp)).as("follower, %s", stamp).isEqualTo(fresh.of(stamp));
        }
        assertThat(fresh.of("s1"))
                .extracting(StampStateChange::id)
                .containsExactly(ids.get("s1-grown-again"), ids.get("s1-draining"));
    }

    private StampStateRetention retention(
            java.time.Clock clock, dev.stampboard.base.SingleInstanceJobs jobs, StampStateHistory history) {
        org.springframework.beans.factory.support.StaticListableBeanFactory beans =
                new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("jobs", jobs);
        return new StampStateRetention(
                jdbc,
                clock,
                beans.getBeanProvider(dev.stampboard.base.SingleInstanceJobs.class),
                Duration.ofDays(14),
                720,
                history::forgetSupersededBefore);
    }
}
