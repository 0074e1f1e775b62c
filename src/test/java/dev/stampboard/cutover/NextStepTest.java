package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.base.Actor;
import dev.stampboard.cutover.NextStep.CompletePlan;
import dev.stampboard.cutover.NextStep.Drain;
import dev.stampboard.cutover.NextStep.FinishCutover;
import dev.stampboard.cutover.NextStep.FinishRollback;
import dev.stampboard.cutover.NextStep.HoldForPause;
import dev.stampboard.cutover.NextStep.PauseForFailure;
import dev.stampboard.cutover.NextStep.Resume;
import dev.stampboard.cutover.NextStep.RollBack;
import dev.stampboard.cutover.NextStep.StartBatch;
import dev.stampboard.cutover.NextStep.StartRollback;
import dev.stampboard.cutover.NextStep.Tend;
import dev.stampboard.cutover.NextStep.Wait;
import dev.stampboard.cutover.NextStep.Watch;
import dev.stampboard.planning.PlanId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of step the executor can be told to take, each from a named situation (DESIGN §5's order). */
class NextStepTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    // ---- fixtures: moves in phase.batch order, each brought to its state through its own guarded methods ----

    private static MoveRun approved(int seq, int phase, int batch) {
        return MoveRun.approved(
                PlanId.of("p1"), seq, phase, batch, 24, "r" + seq + ".azurecr.io", "eastus", "eus-s01", "eus-s05", T0);
    }

    private static MoveRun cuttingOver(int seq, int phase, int batch) {
        MoveRun m = approved(seq, phase, batch);
        m.execution.startCutover(T0);
        return m;
    }

    private static MoveRun draining(int seq, int phase, int batch) {
        MoveRun m = cuttingOver(seq, phase, batch);
        m.execution.startDraining(T0);
        m.cutoverAt = T0;
        return m;
    }

    private static MoveRun validatingUntil(int seq, int phase, int batch, Instant until) {
        MoveRun m = draining(seq, phase, batch);
        m.execution.startValidating(T0);
        m.validateUntil = until;
        return m;
    }

    private static MoveRun completed(int seq, int phase, int batch) {
        MoveRun m = validatingUntil(seq, phase, batch, T0);
        m.execution.complete(T0);
        return m;
    }

    private static MoveRun failed(int seq, int phase, int batch) {
        MoveRun m = validatingUntil(seq, phase, batch, T0.plusSeconds(3600));
        m.execution.fail("validation failed", T0);
        return m;
    }

    private static MoveRun held(int seq, int phase, int batch) {
        MoveRun m = draining(seq, phase, batch);
        m.execution.pause(T0);
        return m;
    }

    private static MoveRun rollingBack(int seq) {
        MoveRun m = completed(seq, 1, 1);
        m.execution.startRollback(T0);
        return m;
    }

    private static MoveRun rolledBack(int seq) {
        MoveRun m = rollingBack(seq);
        m.execution.finishRollback(T0);
        return m;
    }

    private static PlanRun running() {
        return PlanRun.start(PlanId.of("p1"), "eastus", false, Actor.user("alice"), T0);
    }

    private static PlanRun paused() {
        PlanRun run = running();
        run.pause("marginal verdict");
        return run;
    }

    private static PlanRun rollingBackRun() {
        PlanRun run = running();
        run.startRollback("engineer's decision");
        return run;
    }

    // ---- the main path ----

    @Test
    void a_fresh_plan_starts_its_first_batch_only() {
        MoveRun first = approved(0, 1, 1);
        MoveRun sameBatch = approved(1, 1, 1);
        MoveRun later = approved(2, 2, 1);
        NextStep.Step step = NextStep.decide(running(), List.of(later, first, sameBatch), T0);
        assertThat(step)
                .isInstanceOfSatisfying(
                        StartBatch.class, s -> assertThat(s.batch()).containsExactlyInAnyOrder(first, sameBatch));
    }

    @Test
    void a_cutover_in_progress_finishes_first_even_on_a_paused_plan() {
        MoveRun cutting = cuttingOver(1, 1, 1);
        assertThat(NextStep.decide(paused(), List.of(draining(0, 1, 1), cutting), T0))
                .isEqualTo(new FinishCutover(cutting));
    }

    @Test
    void a_batch_under_way_tends_each_move_in_plan_order() {
        MoveRun drain = draining(0, 1, 1);
        MoveRun watch = validatingUntil(1, 1, 1, T0.plusSeconds(60));
        MoveRun done = completed(2, 1, 1);
        assertThat(NextStep.decide(running(), List.of(drain, watch, done), T0))
                .isEqualTo(new Tend(List.of(new Drain(drain), new Watch(watch, false))));
    }

    @Test
    void a_validation_window_is_over_at_its_end_not_before() {
        Instant end = T0.plus(Duration.ofHours(24));
        MoveRun m = validatingUntil(0, 1, 1, end);
        assertThat(NextStep.decide(running(), List.of(m), end.minusSeconds(1)))
                .isEqualTo(new Tend(List.of(new Watch(m, false))));
        assertThat(NextStep.decide(running(), List.of(m), end)).isEqualTo(new Tend(List.of(new Watch(m, true))));
    }

    @Test
    void a_failed_move_on_a_running_plan_pauses_it() {
        MoveRun m = failed(0, 1, 1);
        assertThat(NextStep.decide(running(), List.of(m, approved(1, 2, 1)), T0))
                .isEqualTo(new Tend(List.of(new PauseForFailure(m))));
    }

    @Test
    void the_next_batch_starts_only_when_the_previous_one_completed() {
        MoveRun next = approved(1, 1, 2);
        assertThat(NextStep.decide(running(), List.of(completed(0, 1, 1), next), T0))
                .isEqualTo(new StartBatch(List.of(next)));
    }

    @Test
    void a_batch_with_a_move_that_did_not_pass_never_lets_the_next_batch_start() {
        // gating (DESIGN §5): the next batch starts only when every move of the previous one passed; a move rolled
        // back on its own leaves nothing to tend, so the running plan waits for a person
        assertThat(NextStep.decide(running(), List.of(rolledBack(0), approved(1, 1, 2)), T0))
                .isEqualTo(new Wait());
    }

    @Test
    void every_move_completed_completes_the_plan() {
        assertThat(NextStep.decide(running(), List.of(completed(0, 1, 1), completed(1, 2, 1)), T0))
                .isEqualTo(new CompletePlan());
    }

    // ---- pause and resume ----

    @Test
    void a_paused_plan_holds_a_draining_or_validating_move() {
        MoveRun m = validatingUntil(0, 1, 1, T0.plusSeconds(60));
        assertThat(NextStep.decide(paused(), List.of(completed(1, 1, 1), m), T0))
                .isEqualTo(new HoldForPause(m));
    }

    @Test
    void a_paused_plan_with_everything_held_waits() {
        assertThat(NextStep.decide(paused(), List.of(held(0, 1, 1), approved(1, 2, 1)), T0))
                .isEqualTo(new Wait());
    }

    @Test
    void a_resumed_plan_resumes_its_held_move() {
        MoveRun m = held(0, 1, 1);
        assertThat(NextStep.decide(running(), List.of(m), T0)).isEqualTo(new Resume(m));
    }

    // ---- rollback ----

    @Test
    void a_rollback_starts_with_the_last_move_of_the_plan() {
        MoveRun first = completed(0, 1, 1);
        MoveRun last = completed(1, 2, 1);
        assertThat(NextStep.decide(rollingBackRun(), List.of(first, last), T0)).isEqualTo(new StartRollback(last));
    }

    @Test
    void a_move_rolling_back_is_pointed_home_before_the_next_one_starts() {
        MoveRun m = rollingBack(1);
        assertThat(NextStep.decide(rollingBackRun(), List.of(completed(0, 1, 1), m), T0))
                .isEqualTo(new RollBack(m));
    }

    @Test
    void a_rollback_goes_on_to_moves_not_yet_rolled_back() {
        MoveRun first = completed(0, 1, 1);
        assertThat(NextStep.decide(rollingBackRun(), List.of(first, rolledBack(1)), T0))
                .isEqualTo(new StartRollback(first));
    }

    @Test
    void every_move_rolled_back_finishes_the_rollback() {
        assertThat(NextStep.decide(rollingBackRun(), List.of(rolledBack(0), rolledBack(1)), T0))
                .isEqualTo(new FinishRollback());
    }
}
