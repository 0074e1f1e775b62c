package dev.stampboard.capacity.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aggregate's transitions: four eyes, the verdict's two ways out, and refusals with a reason. */
class CapacityChangeTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    static CapacityChange scaleIn() {
        return CapacityChange.propose(
                "c-1",
                "eus-s02",
                "eastus",
                PoolKind.DATAPROXY,
                new Resize(16, 10, 12, 8),
                "relieved",
                ChangeOrigin.ENGINEER,
                null,
                "alice",
                9.5,
                11.0,
                T0);
    }

    static CapacityChange scaleOut() {
        return CapacityChange.propose(
                "c-2",
                "eus-s04",
                "eastus",
                PoolKind.DATAPROXY,
                new Resize(12, 8, 16, 16),
                "hot",
                ChangeOrigin.ENGINEER,
                null,
                "alice",
                40.0,
                52.0,
                T0);
    }

    @Test
    void the_proposer_cannot_approve_another_engineer_can() {
        CapacityChange c = scaleIn();
        assertThatThrownBy(() -> c.approve(Actor.user("alice"), T0))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("four eyes");
        assertThat(c.state()).isEqualTo(CapacityChangeState.PROPOSED);
        c.approve(Actor.user("bob"), T0);
        assertThat(c.state()).isEqualTo(CapacityChangeState.APPROVED);
        assertThat(c.decidedBy).isEqualTo("bob");
    }

    @Test
    void a_failed_scale_in_is_reverted_at_once() {
        CapacityChange c = started(scaleIn());
        c.applied(T0, T0.plusSeconds(86_400));
        c.fail(45.0, "hot-node P95 45 > 40", T0.plusSeconds(7200));
        assertThat(c.state()).isEqualTo(CapacityChangeState.REVERTING);
        assertThat(c.verdict).isEqualTo(ChangeVerdict.FAIL);
        assertThat(c.revertReason).startsWith("Automatic revert: hot-node P95 45 > 40");
        c.reverted(T0.plusSeconds(7300));
        assertThat(c.state()).isEqualTo(CapacityChangeState.REVERTED);
    }

    @Test
    void a_failed_scale_out_stops_in_failed_and_is_rolled_back_only_by_a_person() {
        CapacityChange c = started(scaleOut());
        c.applied(T0, T0.plusSeconds(86_400));
        c.fail(50.0, "still hot", T0.plusSeconds(7200));
        assertThat(c.state()).isEqualTo(CapacityChangeState.FAILED);
        c.rollBack(Actor.user("bob"), "give the nodes back", T0.plusSeconds(8000));
        assertThat(c.state()).isEqualTo(CapacityChangeState.REVERTING);
        assertThat(c.revertReason).isEqualTo("Rolled back by bob: give the nodes back");
    }

    @Test
    void a_passed_change_can_be_rolled_back_later() {
        CapacityChange c = started(scaleIn());
        c.applied(T0, T0.plusSeconds(86_400));
        c.pass(9.0, "ok", T0.plusSeconds(86_400));
        assertThat(c.state()).isEqualTo(CapacityChangeState.COMPLETED);
        assertThat(c.measuredP95).isEqualTo(9.0);
        c.rollBack(Actor.user("alice"), "traffic is back", T0.plusSeconds(90_000));
        assertThat(c.state()).isEqualTo(CapacityChangeState.REVERTING);
    }

    /** Each transition method, tried from every state: it goes through exactly where the table allows its target. */
    @ParameterizedTest
    @EnumSource(CapacityChangeState.class)
    void every_transition_method_is_refused_outside_the_table(CapacityChangeState from) {
        check(from, CapacityChangeState.APPROVED, c -> c.approve(Actor.user("bob"), T0));
        check(from, CapacityChangeState.REJECTED, c -> c.reject(Actor.user("bob"), "no", T0));
        check(from, CapacityChangeState.APPLYING, c -> c.start(Actor.user("bob"), T0));
        check(from, CapacityChangeState.VALIDATING, c -> c.applied(T0, T0));
        check(from, CapacityChangeState.COMPLETED, c -> c.pass(1.0, "ok", T0));
        check(from, CapacityChangeState.REVERTING, c -> c.rollBack(Actor.user("bob"), "why", T0));
        check(from, CapacityChangeState.REVERTED, c -> c.reverted(T0));
    }

    private static void check(CapacityChangeState from, CapacityChangeState to, Consumer<CapacityChange> step) {
        CapacityChange c = in(from);
        if (from.canMoveTo(to)) {
            step.accept(c);
            assertThat(c.state()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> step.accept(c))
                    .as("%s -> %s", from, to)
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessageContaining("cannot go from " + from + " to " + to);
            assertThat(c.state()).isEqualTo(from);
        }
    }

    private static CapacityChange in(CapacityChangeState state) {
        return new CapacityChange(
                "c-9",
                "eus-s02",
                "eastus",
                PoolKind.DATAPROXY,
                new Resize(16, 10, 12, 8),
                "r",
                ChangeOrigin.ENGINEER,
                null,
                "alice",
                T0,
                null,
                null,
                state,
                T0,
                0);
    }

    @Test
    void sizes_that_are_no_change_or_out_of_range_are_refused() {
        assertThatThrownBy(() -> CapacityChange.propose(
                        "x",
                        "s",
                        "r",
                        PoolKind.REGISTRY,
                        new Resize(10, 6, 10, 6),
                        "r",
                        ChangeOrigin.ENGINEER,
                        null,
                        "a",
                        null,
                        null,
                        T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no change");
        for (int[] bad : new int[][] {{0, 0}, {1001, 10}, {10, 0}, {10, 11}}) {
            assertThatThrownBy(() -> Resize.checkSize(bad[0], bad[1])).isInstanceOf(InvalidInputException.class);
        }
        assertThat(EnumSet.allOf(CapacityChangeState.class)).contains(scaleIn().state());
    }

    private static CapacityChange started(CapacityChange c) {
        c.approve(Actor.user("bob"), T0);
        c.start(Actor.user("bob"), T0);
        return c;
    }
}
