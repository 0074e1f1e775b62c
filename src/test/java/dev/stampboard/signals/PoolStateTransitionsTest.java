package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.PoolStateTransitions.Entry;
import dev.stampboard.signals.PoolStateTransitions.Observation;
import dev.stampboard.signals.PoolStateTransitions.Transition;
import dev.stampboard.signals.engine.PoolState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared log's rules, with the rows worked out by hand: a pool's first observation is dated "at least", each
 * change to the minute it was observed, no change adds nothing, and the newest row (latest minute, then last stored)
 * dates the state.
 */
class PoolStateTransitionsTest {

    private static final PoolKind DP = PoolKind.DATAPROXY;
    private static final PoolKind RG = PoolKind.REGISTRY;

    private final PoolStateTransitions log = new PoolStateTransitions();

    /** What the writer does: the rows of the minute, stored with the next sequence values. */
    private long seq = 100;

    private List<Transition> observe(long minute, Observation... states) {
        List<Transition> rows = log.at(minute, List.of(states));
        rows.forEach(t -> log.add(t.stamp(), t.pool(), new Entry(t.state(), t.sinceMinute(), t.atLeast(), ++seq)));
        return rows;
    }

    private static Observation o(String stamp, PoolKind pool, PoolState state) {
        return new Observation(stamp, pool, state);
    }

    @Test
    void a_pool_first_seen_is_dated_at_least_then_each_change_to_its_minute() {
        // minute 1000: both pools seen for the first time (HOT and OK)
        assertThat(observe(1000, o("s1", DP, PoolState.HOT), o("s1", RG, PoolState.OK)))
                .containsExactly(
                        new Transition("s1", DP, PoolState.HOT, 1000, true),
                        new Transition("s1", RG, PoolState.OK, 1000, true));
        // 1001–1004 unchanged: nothing stored, HOT still dated "≤ 1000"
        for (long m = 1001; m <= 1004; m++) {
            assertThat(observe(m, o("s1", DP, PoolState.HOT), o("s1", RG, PoolState.OK)))
                    .isEmpty();
        }
        assertThat(log.dating("s1", DP, PoolState.HOT)).isEqualTo(new Entry(PoolState.HOT, 1000, true, 101));
        // 1005: the registry pool turns WARN; 1007 HOT; 1009 back to OK
        assertThat(observe(1005, o("s1", DP, PoolState.HOT), o("s1", RG, PoolState.WARN)))
                .containsExactly(new Transition("s1", RG, PoolState.WARN, 1005, false));
        assertThat(observe(1006, o("s1", RG, PoolState.WARN))).isEmpty();
        assertThat(observe(1007, o("s1", RG, PoolState.HOT)))
                .containsExactly(new Transition("s1", RG, PoolState.HOT, 1007, false));
        assertThat(log.dating("s1", RG, PoolState.HOT)).isEqualTo(new Entry(PoolState.HOT, 1007, false, 104));
        assertThat(log.dating("s1", RG, PoolState.WARN))
                .as("not its state any more")
                .isNull();
        assertThat(observe(1009, o("s1", RG, PoolState.OK)))
                .containsExactly(new Transition("s1", RG, PoolState.OK, 1009, false));
        // the dataproxy pool was never left: still "≤ 1000"
        assertThat(log.dating("s1", DP, PoolState.HOT)).isEqualTo(new Entry(PoolState.HOT, 1000, true, 101));
    }

    @Test
    void a_minute_not_after_the_newest_row_adds_nothing() {
        observe(2000, o("s2", DP, PoolState.OK));
        observe(2010, o("s2", DP, PoolState.HOT));
        // a back-fill replaying 2005 (before the newest row, 2010) with another state: the log does not go back
        assertThat(observe(2005, o("s2", DP, PoolState.OK))).isEmpty();
        assertThat(observe(2010, o("s2", DP, PoolState.WARN)))
                .as("the same minute")
                .isEmpty();
        assertThat(log.newest("s2", DP)).contains(new Entry(PoolState.HOT, 2010, false, 102));
    }

    @Test
    void the_newest_row_wins_whatever_order_the_rows_arrive_in() {
        // a follower reads rows in sequence order, but a gap filled late hands back an older row after a newer one
        log.add("s3", DP, new Entry(PoolState.HOT, 3020, false, 7));
        log.add("s3", DP, new Entry(PoolState.WARN, 3010, false, 5));
        assertThat(log.dating("s3", DP, PoolState.HOT)).isEqualTo(new Entry(PoolState.HOT, 3020, false, 7));
        // two rows of one minute (two writers for a moment): the one stored last
        log.add("s3", DP, new Entry(PoolState.OK, 3030, false, 9));
        log.add("s3", DP, new Entry(PoolState.WARN, 3030, false, 8));
        assertThat(log.newest("s3", DP)).contains(new Entry(PoolState.OK, 3030, false, 9));
        // the same row read twice (written here, then followed back) changes nothing
        log.add("s3", DP, new Entry(PoolState.OK, 3030, false, 9));
        assertThat(log.newest("s3", DP)).contains(new Entry(PoolState.OK, 3030, false, 9));
        assertThat(log.newest("s4", DP)).isEmpty();
    }
}
