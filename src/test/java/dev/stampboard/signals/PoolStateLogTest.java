package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.PoolStateTransitions.Entry;
import dev.stampboard.signals.PoolStateTransitions.Observation;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.support.TestH2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The shared pool-state log on a database of its own (H2 through the project's migrations), with several "instances"
 * (one {@link PoolStateLog} each, as each console holds one): the elected one writes, the others read it at start and
 * follow it, a minute is recorded once, and a restarted instance's back-fill does not rewrite what was recorded.
 */
class PoolStateLogTest {

    private static final PoolKind DP = PoolKind.DATAPROXY;
    private static final PoolKind RG = PoolKind.REGISTRY;

    private DataSource db;
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        db = TestH2.migrated("poolstates");
        jdbc = JdbcClient.create(db);
    }

    /** An instance's log; {@code elected} says whether it holds the elected lease. */
    private PoolStateLog instance(boolean elected) {
        SingleInstanceJobs jobs = job -> elected;
        return new PoolStateLog(
                jdbc,
                new DataSourceTransactionManager(db),
                new StaticListableBeanFactory(Map.of("jobs", jobs)).getBeanProvider(SingleInstanceJobs.class));
    }

    private static List<Observation> states(PoolState dataproxy, PoolState registry) {
        return List.of(new Observation("s1", DP, dataproxy), new Observation("s1", RG, registry));
    }

    private long rows() {
        return jdbc.sql("select count(*) from pool_state_change")
                .query(Long.class)
                .single();
    }

    @Test
    void the_elected_instance_writes_and_an_instance_started_later_dates_the_state_the_same() {
        PoolStateLog a = instance(true);
        assertThat(a.observed(500, states(PoolState.HOT, PoolState.OK))).isEqualTo(2);
        for (long m = 501; m <= 510; m++) {
            assertThat(a.observed(m, states(PoolState.HOT, PoolState.OK))).isZero();
        }
        assertThat(a.observed(511, states(PoolState.HOT, PoolState.WARN))).isEqualTo(1);

        // B starts at minute 520, long after both states began: it reads them, it does not date them to its start
        PoolStateLog b = instance(false);
        assertThat(b.dating("s1", DP, PoolState.HOT)).isEqualTo(a.dating("s1", DP, PoolState.HOT));
        assertThat(b.dating("s1", DP, PoolState.HOT))
                .extracting(Entry::sinceMinute, Entry::atLeast)
                .containsExactly(500L, true);
        assertThat(b.dating("s1", RG, PoolState.WARN))
                .extracting(Entry::sinceMinute, Entry::atLeast)
                .containsExactly(511L, false);

        // B is not elected: what it observes is not written; what A writes next, B follows
        assertThat(b.observed(521, states(PoolState.OK, PoolState.OK))).isZero();
        assertThat(a.observed(521, states(PoolState.HOT, PoolState.HOT))).isEqualTo(1);
        assertThat(b.dating("s1", RG, PoolState.HOT)).as("not followed yet").isNull();
        b.follow();
        assertThat(b.dating("s1", RG, PoolState.HOT))
                .extracting(Entry::sinceMinute, Entry::atLeast)
                .containsExactly(521L, false);
        assertThat(rows()).isEqualTo(4);
    }

    @Test
    void a_restarted_writer_does_not_rewrite_the_minutes_its_back_fill_replays() {
        PoolStateLog first = instance(true);
        first.observed(700, states(PoolState.HOT, PoolState.OK));
        for (long m = 701; m <= 760; m++) {
            first.observed(m, states(PoolState.HOT, PoolState.OK));
        }
        assertThat(rows()).isEqualTo(2);

        // restarted: its back-fill replays 640–760 on a window still filling (the dataproxy pool reads OK at first)
        PoolStateLog restarted = instance(true);
        for (long m = 640; m <= 760; m++) {
            assertThat(restarted.observed(m, states(m < 700 ? PoolState.OK : PoolState.HOT, PoolState.OK)))
                    .as("minute " + m + " was recorded before the restart")
                    .isZero();
        }
        assertThat(restarted.dating("s1", DP, PoolState.HOT))
                .extracting(Entry::sinceMinute, Entry::atLeast)
                .containsExactly(700L, true);
        // the first live minute after the back-fill is recorded again
        assertThat(restarted.observed(761, states(PoolState.WARN, PoolState.OK)))
                .isEqualTo(1);
        assertThat(restarted.dating("s1", DP, PoolState.WARN))
                .extracting(Entry::sinceMinute, Entry::atLeast)
                .containsExactly(761L, false);
    }

    @Test
    void two_instances_that_both_believe_they_are_elected_record_a_minute_once() throws Exception {
        PoolStateLog a = instance(true);
        PoolStateLog b = instance(true);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (PoolStateLog writer : List.of(a, b)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return writer.observed(900, states(PoolState.HOT, PoolState.OK));
            }));
        }
        assertThat(both.get(0).get() + both.get(1).get()).isEqualTo(2);
        assertThat(rows()).isEqualTo(2);
        a.follow();
        b.follow();
        assertThat(a.dating("s1", DP, PoolState.HOT)).isEqualTo(b.dating("s1", DP, PoolState.HOT));
    }
}
