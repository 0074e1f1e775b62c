package dev.stampboard.cutover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the executor does next for one plan, decided from the stored run and moves alone (no I/O, no
 * clock of its own), so every rule of DESIGN §5's order is testable without a database. The
 * {@link CutoverExecutor} carries the step out; a step that turns out not to be due yet (a source not
 * drained, a destination not ACTIVE yet) makes no progress and the next pass decides again; a destination that will
 * never be ACTIVE again (DRAINING, RETIRED) pauses the plan instead.
 */
final class NextStep {

    private NextStep() {}

    /** One step of a plan's execution. */
    sealed interface Step
            permits FinishCutover,
                    HoldForPause,
                    Resume,
                    CompletePlan,
                    StartBatch,
                    Tend,
                    Drain,
                    Watch,
                    PauseForFailure,
                    RollBack,
                    StartRollback,
                    FinishRollback,
                    Wait {}

    /** A cutover in progress always finishes first, paused plan or not: a replica is never left half-moved. */
    record FinishCutover(MoveRun move) implements Step {}

    /** The plan is paused: a draining or validating move is held where it is (and resumes there). */
    record HoldForPause(MoveRun move) implements Step {}

    /** The plan runs again: a held move resumes where it stopped. */
    record Resume(MoveRun move) implements Step {}

    /** Every move is completed. */
    record CompletePlan() implements Step {}

    /** The earliest unfinished batch has moves not yet started: cut them over together (provisioning first if needed). */
    record StartBatch(List<MoveRun> batch) implements Step {}

    /** The batch under way: try each move's step in plan order; the first that makes progress is taken. */
    record Tend(List<Step> inTurn) implements Step {}

    /** Wait for the source to drain, then start validation. */
    record Drain(MoveRun move) implements Step {}

    /** Record the validation window's new minutes; judge on a sustained failure, or when the window is over. */
    record Watch(MoveRun move, boolean windowOver) implements Step {}

    /** A failed move found on a running plan (e.g. after a restart mid-verdict): pause, never go past it. */
    record PauseForFailure(MoveRun move) implements Step {}

    /** Rolling back: point this move's replica home to its source again. */
    record RollBack(MoveRun move) implements Step {}

    /** Rolling back: this move (the last not yet rolled back, in reverse plan order) starts its rollback. */
    record StartRollback(MoveRun move) implements Step {}

    /** Every move is rolled back. */
    record FinishRollback() implements Step {}

    /** Nothing to do until time passes or a person acts. */
    record Wait() implements Step {}

    static Step decide(PlanRun run, List<MoveRun> moves, Instant now) {
        if (run.status() == RunStatus.ROLLING_BACK) {
            return rollback(moves);
        }
        for (MoveRun m : moves) {
            if (m.state() == MoveState.CUTTING_OVER) {
                return new FinishCutover(m);
            }
        }
        if (run.status() == RunStatus.PAUSED) {
            return moves.stream()
                    .filter(m -> m.state().isHeldByPause())
                    .findFirst()
                    .<Step>map(HoldForPause::new)
                    .orElseGet(Wait::new);
        }
        for (MoveRun m : moves) {
            if (m.state() == MoveState.PAUSED) {
                return new Resume(m);
            }
        }
        Optional<Long> stage = moves.stream()
                .filter(m -> m.state() != MoveState.COMPLETED)
                .map(MoveRun::stage)
                .min(Comparator.naturalOrder());
        if (stage.isEmpty()) {
            return new CompletePlan();
        }
        List<MoveRun> batch =
                moves.stream().filter(m -> m.stage() == stage.get()).toList();
        if (batch.stream().anyMatch(m -> m.state() == MoveState.APPROVED)) {
            return new StartBatch(batch);
        }
        List<Step> inTurn = new ArrayList<>();
        for (MoveRun m : batch) {
            switch (m.state()) {
                case DRAINING -> inTurn.add(new Drain(m));
                case VALIDATING -> inTurn.add(new Watch(m, m.validateUntil != null && !now.isBefore(m.validateUntil)));
                case FAILED -> inTurn.add(new PauseForFailure(m));
                default -> {
                    // completed (or otherwise settled) moves of the batch need nothing
                }
            }
        }
        return inTurn.isEmpty() ? new Wait() : new Tend(List.copyOf(inTurn));
    }

    /** In reverse plan order: the last move not yet rolled back is rolled back first. */
    private static Step rollback(List<MoveRun> moves) {
        List<MoveRun> reversed = new ArrayList<>(moves);
        reversed.sort(Comparator.comparingInt((MoveRun m) -> m.seq).reversed());
        for (MoveRun m : reversed) {
            if (m.state() == MoveState.ROLLING_BACK) {
                return new RollBack(m);
            }
            if (m.state() != MoveState.ROLLED_BACK) {
                return new StartRollback(m);
            }
        }
        return new FinishRollback();
    }
}
