package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What engineers do with an approved plan (DESIGN §5, §9): start, pause, resume, roll back, and what
 * everyone may read about its execution. The steps themselves are the {@link CutoverExecutor}'s.
 */
@Service
public class CutoverService {

    private final ExecutionStore store;
    private final PlanningService planning;
    private final CutoverExecutor executor;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;

    CutoverService(
            ExecutionStore store,
            PlanningService planning,
            CutoverExecutor executor,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock,
            TransactionTemplate tx) {
        this.store = store;
        this.planning = planning;
        this.executor = executor;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
    }

    /** Starts executing an approved plan; with {@code autoRollback} a failed validation rolls it back unasked. */
    @Secured(Role.Authority.ENGINEER)
    public PlanRunDetails start(PlanId planId, boolean autoRollback) {
        Actor actor = currentUser.actor();
        PlanDetails plan = planning.get(planId);
        store.run(planId).ifPresent(won -> {
            throw startedMeanwhile(won);
        });
        if (plan.status() != PlanStatus.APPROVED) {
            throw new TransitionRefused(
                    "Plan " + planId + " is " + plan.status() + ": only an APPROVED plan can be started");
        }
        if (plan.moves().isEmpty()) {
            throw new TransitionRefused("Plan " + planId + " has no moves to execute");
        }
        return executor.exclusively(() -> {
            tx.executeWithoutResult(status -> {
                // a second start of the same plan (a double click, two operators, another instance) is told who won
                store.run(planId).ifPresent(won -> {
                    throw startedMeanwhile(won);
                });
                Instant now = clock.instant();
                List<MoveRun> moves = new ArrayList<>();
                for (int seq = 0; seq < plan.moves().size(); seq++) {
                    PlanMove m = plan.moves().get(seq);
                    moves.add(MoveRun.approved(
                            planId,
                            seq,
                            m.phase(),
                            m.batch(),
                            m.observationHours(),
                            m.registry(),
                            m.region(),
                            m.fromStamp(),
                            m.toStamp(),
                            now));
                }
                try {
                    store.insert(PlanRun.start(planId, plan.region(), autoRollback, actor, now), moves);
                } catch (DuplicateKeyException another) {
                    // another console instance inserted the run between our check and our insert
                    throw new ConflictException("Plan " + planId + " was started by someone else a moment ago;"
                            + " open its migration to follow it");
                }
                planning.startExecution(planId, actor);
                events.publishEvent(new ExecutionStarted(planId, actor, moves.size(), autoRollback));
            });
            return view(load(planId));
        });
    }

    @Secured(Role.Authority.ENGINEER)
    public PlanRunDetails pause(PlanId planId, @Nullable String reason) {
        String actor = currentUser.name();
        String why = reason == null || reason.isBlank() ? "paused by " + actor : reason.strip();
        return change(planId, why, run -> {
            run.pause(why);
            for (MoveRun m : store.moves(planId)) {
                if (m.state().isHeldByPause()) {
                    MoveState from = m.state();
                    m.execution.pause(clock.instant());
                    saveMove(m, from);
                }
            }
        });
    }

    /** Resuming also accepts a marginal verdict; a failed move has to be rolled back instead. */
    @Secured(Role.Authority.ENGINEER)
    public PlanRunDetails resume(PlanId planId) {
        List<MoveRun> moves = store.moves(planId);
        Optional<MoveRun> failed =
                moves.stream().filter(m -> m.state() == MoveState.FAILED).findFirst();
        if (failed.isPresent()) {
            throw new TransitionRefused("The move " + failed.get().describe()
                    + " failed validation; roll the plan back instead of resuming");
        }
        String accepted = moves.stream()
                .filter(m -> m.verdict == Verdict.MARGINAL)
                .map(MoveRun::describe)
                .reduce((a, b) -> a + ", " + b)
                .map(s -> "; marginal verdicts accepted: " + s)
                .orElse("");
        return change(planId, "resumed" + accepted, run -> {
            run.resume();
            for (MoveRun m : store.moves(planId)) {
                if (m.state() == MoveState.PAUSED) {
                    m.execution.resume(clock.instant());
                    saveMove(m, MoveState.PAUSED);
                }
            }
        });
    }

    /** Rolls back every move that has cut over, newest first: home stamps and routing as before the plan. */
    @Secured(Role.Authority.ENGINEER)
    public PlanRunDetails rollback(PlanId planId, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("A rollback needs a reason for the audit log");
        }
        return change(planId, reason.strip(), run -> run.startRollback(reason.strip()));
    }

    public List<PlanRunDetails> runs() {
        return store.runs().stream().map(this::view).toList();
    }

    public Optional<PlanRunDetails> run(PlanId planId) {
        return store.run(planId).map(this::view);
    }

    public List<MoveRunDetails> moves(PlanId planId) {
        load(planId);
        Instant now = clock.instant();
        var predictions = store.predictions(planId);
        return store.moves(planId).stream()
                .map(m -> view(m, now, predictions.getOrDefault(m.seq, List.of())))
                .toList();
    }

    public List<MoveStep> steps(PlanId planId) {
        return store.steps(planId);
    }

    private interface RunChange {
        void apply(PlanRun run);
    }

    private PlanRunDetails change(PlanId planId, String detail, RunChange change) {
        Actor actor = currentUser.actor();
        return executor.exclusively(() -> {
            tx.executeWithoutResult(status -> {
                PlanRun run = load(planId);
                change.apply(run);
                if (!store.update(run)) {
                    throw new ConflictException(
                            "Plan " + planId + " was changed by someone else a moment ago;" + " look again and retry");
                }
                events.publishEvent(new RunStatusChanged(planId, actor, run.status(), detail));
            });
            return view(load(planId));
        });
    }

    private static ConflictException startedMeanwhile(PlanRun run) {
        return new ConflictException("Plan " + run.planId + " was started by " + run.startedBy + " at " + run.startedAt
                + "; it is " + run.status() + ". Open its migration to follow it");
    }

    private void saveMove(MoveRun m, MoveState from) {
        if (!store.update(m)) {
            throw new ConflictException(
                    "Move " + m.describe() + " was changed by someone else a moment ago;" + " look again and retry");
        }
        events.publishEvent(new MoveStateChanged(m.planId, m.seq, m.registry(), from, m.state()));
    }

    private PlanRun load(PlanId planId) {
        return store.run(planId).orElseThrow(() -> new NotFoundException("Plan " + planId + " has not been started"));
    }

    private PlanRunDetails view(PlanRun run) {
        List<MoveRun> moves = store.moves(run.planId);
        return new PlanRunDetails(
                run.planId.value(),
                run.region,
                run.status(),
                run.autoRollback,
                run.startedBy,
                run.startedAt,
                run.finishedAt(),
                run.reason(),
                moves.size(),
                (int) moves.stream()
                        .filter(m -> m.state() == MoveState.COMPLETED)
                        .count(),
                (int) moves.stream()
                        .filter(m -> m.state() == MoveState.ROLLED_BACK)
                        .count(),
                (int) moves.stream().filter(m -> m.state() == MoveState.FAILED).count());
    }

    private MoveRunDetails view(MoveRun m, Instant now, List<MovePrediction> predictions) {
        MoveExecution e = m.execution;
        Double progress = null;
        Duration left = null;
        MoveState stage = e.state() == MoveState.PAUSED ? e.pausedFrom() : e.state();
        if (stage == MoveState.DRAINING && m.cutoverAt != null && m.drainUntil != null) {
            progress = fraction(m.cutoverAt, m.drainUntil, now);
            left = remaining(m.drainUntil, now);
        } else if (stage == MoveState.VALIDATING && m.cutoverAt != null && m.validateUntil != null) {
            progress = fraction(m.cutoverAt, m.validateUntil, now);
            left = remaining(m.validateUntil, now);
        }
        return new MoveRunDetails(
                m.seq,
                e.registry(),
                e.region(),
                e.fromStamp(),
                e.toStamp(),
                m.phase,
                m.batch,
                m.observationHours,
                e.state(),
                e.pausedFrom(),
                e.stateSince(),
                m.cutoverAt,
                m.drainUntil,
                m.validateUntil,
                progress,
                left,
                m.baselineP99Ms,
                m.baselineRequests,
                m.verdict,
                m.evidence,
                m.predictionErrorPp,
                m.note,
                predictions);
    }

    private static double fraction(Instant from, Instant to, Instant now) {
        double total = Duration.between(from, to).toMillis();
        return total <= 0
                ? 1
                : Math.max(0, Math.min(1, Duration.between(from, now).toMillis() / total));
    }

    private static Duration remaining(Instant until, Instant now) {
        return now.isAfter(until) ? Duration.ZERO : Duration.between(now, until);
    }
}
