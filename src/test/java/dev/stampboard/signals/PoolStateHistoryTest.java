package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import org.junit.jupiter.api.Test;

/** A change is reported only between two observed states, never for the state a pool is first seen in. */
class PoolStateHistoryTest {

    private final PoolStateHistory history = new PoolStateHistory();

    @Test
    void the_first_observation_is_no_change_even_when_hot() {
        assertThat(history.observe("eus-s01", PoolKind.DATAPROXY, PoolState.HOT, 100))
                .isEmpty();
        assertThat(history.observe("eus-s01", PoolKind.DATAPROXY, PoolState.HOT, 101))
                .isEmpty();
    }

    @Test
    void each_change_reports_the_state_left_and_dates_the_new_one() {
        history.observe("eus-s01", PoolKind.REGISTRY, PoolState.OK, 100);
        assertThat(history.observe("eus-s01", PoolKind.REGISTRY, PoolState.WARN, 101))
                .contains(PoolState.OK);
        assertThat(history.observe("eus-s01", PoolKind.REGISTRY, PoolState.HOT, 105))
                .contains(PoolState.WARN);
        assertThat(history.observe("eus-s01", PoolKind.REGISTRY, PoolState.HOT, 106))
                .isEmpty();
        assertThat(history.since("eus-s01", PoolKind.REGISTRY, PoolState.HOT, 110)
                        .sinceMinute())
                .isEqualTo(105);
        assertThat(history.observe("eus-s01", PoolKind.REGISTRY, PoolState.WARN, 111))
                .contains(PoolState.HOT);
        assertThat(history.observe("eus-s01", PoolKind.DATAPROXY, PoolState.HOT, 111))
                .as("another pool of the stamp is its own history")
                .isEmpty();
    }
}
