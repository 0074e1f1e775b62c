package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MoveStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** The table as DESIGN §5 describes it, written out independently of the production table. */
    private static final Map<MoveState, Set<MoveState>> EXPECTED = Map.of(
            MoveState.PLANNED, EnumSet.of(MoveState.APPROVED),
            MoveState.APPROVED, EnumSet.of(MoveState.CUTTING_OVER, MoveState.PAUSED, MoveState.ROLLING_BACK),
            MoveState.CUTTING_OVER, EnumSet.of(MoveState.DRAINING, MoveState.ROLLING_BACK, MoveState.FAILED),
            MoveState.DRAINING,
                    EnumSet.of(MoveState.VALIDATING, MoveState.PAUSED, MoveState.ROLLING_BACK, MoveState.FAILED),
            MoveState.VALIDATING,
                    EnumSet.of(MoveState.COMPLETED, MoveState.PAUSED, MoveState.ROLLING_BACK, MoveState.FAILED),
            MoveState.PAUSED,
                    EnumSet.of(MoveState.APPROVED, MoveState.DRAINING, MoveState.VALIDATING, MoveState.ROLLING_BACK),
            MoveState.FAILED, EnumSet.of(MoveState.ROLLING_BACK),
            MoveState.ROLLING_BACK, EnumSet.of(MoveState.ROLLED_BACK, MoveState.FAILED),
            MoveState.COMPLETED, EnumSet.of(MoveState.ROLLING_BACK),
            MoveState.ROLLED_BACK, EnumSet.noneOf(MoveState.class));

    @Test
    void every_pair_matches_the_table() {
        for (MoveState from : MoveState.values()) {
            for (MoveState to : MoveState.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    /** Every (from, to) pair through the aggregate's methods: allowed ones change the state, others throw and keep it. */
    @ParameterizedTest
    @EnumSource(MoveState.class)
    void the_aggregate_obeys_the_table_from(MoveState from) {
        Map<MoveState, BiConsumer<MoveExecution, Instant>> step = Map.of(
                MoveState.APPROVED, MoveExecution::approve,
                MoveState.CUTTING_OVER, MoveExecution::startCutover,
                MoveState.DRAINING, MoveExecution::startDraining,
                MoveState.VALIDATING, MoveExecution::startValidating,
                MoveState.COMPLETED, MoveExecution::complete,
                MoveState.PAUSED, MoveExecution::pause,
                MoveState.ROLLING_BACK, MoveExecution::startRollback,
                MoveState.ROLLED_BACK, MoveExecution::finishRollback,
                MoveState.FAILED, (m, t) -> m.fail("validation failed", t));
        for (MoveState to : step.keySet()) {
            MoveExecution move = in(from);
            boolean onlyByResume = from == MoveState.PAUSED && to != MoveState.ROLLING_BACK;
            if (EXPECTED.get(from).contains(to) && !onlyByResume) {
                step.get(to).accept(move, NOW);
                assertThat(move.state()).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> step.get(to).accept(move, NOW)).isInstanceOf(IllegalStateException.class);
                assertThat(move.state()).isEqualTo(from);
            }
        }
    }

    @Test
    void resume_returns_to_where_the_move_was_paused() {
        for (MoveState pausedIn : new MoveState[] {MoveState.APPROVED, MoveState.DRAINING, MoveState.VALIDATING}) {
            MoveExecution move = in(pausedIn);
            move.pause(NOW);
            assertThat(move.pausedFrom()).isEqualTo(pausedIn);
            move.resume(NOW);
            assertThat(move.state()).isEqualTo(pausedIn);
            assertThat(move.pausedFrom()).isNull();
        }
        assertThatThrownBy(() -> in(MoveState.VALIDATING).resume(NOW)).hasMessageContaining("not paused");
        MoveExecution paused = in(MoveState.DRAINING);
        paused.pause(NOW);
        assertThatThrownBy(() -> paused.approve(NOW)).hasMessageContaining("resume it or roll it back");
        paused.startRollback(NOW);
        assertThat(paused.state()).isEqualTo(MoveState.ROLLING_BACK);
    }

    @Test
    void a_cutover_in_progress_cannot_be_paused_half_way() {
        assertThatThrownBy(() -> in(MoveState.CUTTING_OVER).pause(NOW))
                .hasMessageContaining("cannot go from CUTTING_OVER to PAUSED");
    }

    @Test
    void a_move_needs_two_stamps() {
        assertThatThrownBy(() -> new MoveExecution("a.azurecr.io", "eastus", "eus-s01", "eus-s01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A move brought into {@code state} along a legal path. */
    static MoveExecution in(MoveState state) {
        MoveExecution m = new MoveExecution("a.azurecr.io", "eastus", "eus-s01", "eus-s05");
        switch (state) {
            case PLANNED -> {}
            case APPROVED -> m.approve(NOW);
            case CUTTING_OVER -> {
                m.approve(NOW);
                m.startCutover(NOW);
            }
            case DRAINING -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.startDraining(NOW);
            }
            case VALIDATING -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.startDraining(NOW);
                m.startValidating(NOW);
            }
            case COMPLETED -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.startDraining(NOW);
                m.startValidating(NOW);
                m.complete(NOW);
            }
            case PAUSED -> {
                m.approve(NOW);
                m.pause(NOW);
            }
            case ROLLING_BACK -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.startRollback(NOW);
            }
            case ROLLED_BACK -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.startRollback(NOW);
                m.finishRollback(NOW);
            }
            case FAILED -> {
                m.approve(NOW);
                m.startCutover(NOW);
                m.fail("boom", NOW);
            }
        }
        assertThat(m.state()).isEqualTo(state);
        return m;
    }
}
