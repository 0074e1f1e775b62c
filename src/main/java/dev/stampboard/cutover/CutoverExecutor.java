package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampProvisioning;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampName;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.PlanComputation;
import dev.stampboard.planning.PlanPrediction;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.signals.EngineFollow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs approved plans (DESIGN §5): batch after batch in phase order, each move cut over, drained,
 * validated and judged. Every step first stores its intent (state change, step journal) and only then
 * acts; the actions — pointing a replica's home stamp and routing, provisioning a dedicated stamp —
 * are idempotent, so a step found half-done after a crash is simply done again and nothing doubles.
 * Only the instance holding the {@link ExecutorLease} runs, and every write is conditional on the
 * version it read.
 */
@Component
public class CutoverExecutor {

    private static final Logger log = LoggerFactory.getLogger(CutoverExecutor.class);
    private static final int MAX_STEPS_PER_PASS = 200;

    private final ExecutionStore store;
    private final PlanningService planning;
    private final FleetService fleet;
    private final PlanComputation computation;
    private final DedicatedStampProvisioning provisioning;
    private final EvidenceCollector evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CutoverProperties properties;
    private final TransactionTemplate tx;
    private final ExecutorLease lease;
    private final org.springframework.beans.factory.ObjectProvider<SourceInFlight> inFlight;
    private final ValidationWatch watch;
    private final org.springframework.beans.factory.ObjectProvider<EngineFollow> follow;
    private volatile StepHook hook = StepHook.NONE;
    /** When the current pass began ({@link System#nanoTime}): a verdict needs every sample stored before it. */
    private long passStarted;

    /** The monitor's note on a move whose verdict waits for this instance's engine to read the store. */
    static final String CATCHING_UP = "Catching up: ";

    CutoverExecutor(
            ExecutionStore store,
            PlanningService planning,
            FleetService fleet,
            PlanComputation computation,
            DedicatedStampProvisioning provisioning,
            EvidenceCollector evidence,
            ApplicationEventPublisher events,
            Clock clock,
            CutoverProperties properties,
            TransactionTemplate tx,
            ExecutorLease lease,
            org.springframework.beans.factory.ObjectProvider<SourceInFlight> inFlight,
            ValidationWatch watch,
            org.springframework.beans.factory.ObjectProvider<EngineFollow> follow) {
        this.follow = follow;
        this.inFlight = inFlight;
        this.watch = watch;
        this.store = store;
        this.planning = planning;
        this.fleet = fleet;
        this.computation = computation;
        this.provisioning = provisioning;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tx = tx;
        this.lease = lease;
    }

    /** This instance's name in the step journal and the lease. */
    public String executorId() {
        return lease.owner();
    }

    /** The executor as the actor of its steps: the system, under this instance's name. */
    private Actor actor() {
        return Actor.system(executorId());
    }

    private static String reasonOf(PlanRun run) {
        return run.reason() == null ? "" : run.reason();
    }

    void setHook(StepHook hook) {
        this.hook = hook;
    }

    /**
     * One pass: when this instance holds the lease, every active plan is advanced as far as the clock
     * allows. Returns false when another instance holds the lease.
     */
    public synchronized boolean runOnce() {
        if (!lease.tryAcquire(Instant.now())) {
            return false;
        }
        passStarted = System.nanoTime();
        for (PlanRun run : store.active()) {
            try {
                advance(run.planId);
            } catch (ConcurrentChange e) {
                log.debug("Plan {} changed under the executor; the next pass reads it again", run.planId);
            } catch (RuntimeException e) {
                log.warn("Executing plan {} failed; the next pass tries again", run.planId, e);
            }
        }
        return true;
    }

    /** User actions take the same monitor as a pass, so they never interleave with a step on this instance. */
    synchronized <T> T exclusively(java.util.function.Supplier<T> action) {
        return action.get();
    }

    void releaseLease() {
        lease.release();
    }

    private void advance(String planId) {
        for (int i = 0; i < MAX_STEPS_PER_PASS; i++) {
            PlanRun run = store.run(planId).orElseThrow();
            if (run.status().isFinished() || !step(run, store.moves(planId))) {
                return;
            }
        }
    }

    /** Takes the next step of the plan, if one is due; false when there is nothing to do until time passes. */
    private boolean step(PlanRun run, List<MoveRun> moves) {
        return act(run, NextStep.decide(run, moves, now()));
    }

    /** Carries out what {@link NextStep} decided; false when the step is not due yet and nothing changed. */
    private boolean act(PlanRun run, NextStep.Step step) {
        if (step instanceof NextStep.FinishCutover s) {
            finishCutover(s.move());
            return true;
        } else if (step instanceof NextStep.HoldForPause s) {
            write(s.move(), null, () -> s.move().execution.pause(now()), null);
            return true;
        } else if (step instanceof NextStep.Resume s) {
            write(s.move(), null, () -> s.move().execution.resume(now()), null);
            return true;
        } else if (step instanceof NextStep.CompletePlan) {
            completePlan(run);
            return true;
        } else if (step instanceof NextStep.StartBatch s) {
            return startBatch(run, s.batch());
        } else if (step instanceof NextStep.Tend s) {
            for (NextStep.Step each : s.inTurn()) {
                if (act(run, each)) {
                    return true;
                }
            }
            return false;
        } else if (step instanceof NextStep.Drain s) {
            return drain(s.move());
        } else if (step instanceof NextStep.Watch s) {
            return watchAndJudge(run, s.move(), s.windowOver());
        } else if (step instanceof NextStep.PauseForFailure s) {
            return pauseForFailure(run, s.move());
        } else if (step instanceof NextStep.RollBack s) {
            MoveRun m = s.move();
            hook.at(StepHook.Point.BEFORE_ROLLBACK, m);
            pointHome(m, m.execution.fromStamp(), "rollback of plan " + m.planId);
            hook.at(StepHook.Point.AFTER_ROLLBACK, m);
            write(m, "ROLLED_BACK", () -> m.execution.finishRollback(now()), "MOVE_ROLLED_BACK");
            return true;
        } else if (step instanceof NextStep.StartRollback s) {
            write(s.move(), null, () -> s.move().execution.startRollback(now()), null);
            return true;
        } else if (step instanceof NextStep.FinishRollback) {
            finishRollback(run);
            return true;
        }
        return false; // NextStep.Wait
    }

    // ---- the main path -----------------------------------------------------------------------

    /**
     * Cuts over every move of the batch that has not started, at the same minute: the batch's moves act
     * together, so they are predicted together (once) and observed over the same window.
     */
    private boolean startBatch(PlanRun run, List<MoveRun> batch) {
        for (MoveRun m : batch) {
            if (m.state() != MoveState.APPROVED) {
                continue;
            }
            Optional<StampInfo> destination = fleet.stamp(m.execution.toStamp());
            if (destination.isEmpty()) {
                return provision(run, m);
            }
            if (destination.get().status() != StampStatus.ACTIVE) {
                return note(
                        m,
                        "Waiting for " + m.execution.toStamp() + " to become ACTIVE (it is "
                                + destination.get().status() + ")");
            }
        }
        List<PlanPrediction> predicted = predict(run, batch);
        for (MoveRun m : batch) {
            if (m.state() == MoveState.APPROVED) {
                startMove(m, predicted);
            }
        }
        return true;
    }

    private void startMove(MoveRun m, List<PlanPrediction> batchPrediction) {
        Double p99 = evidence.p99Ms(m.registry(), m.execution.region());
        Double requests = evidence.requestsPerMinute(m.registry(), m.execution.region());
        List<MovePrediction> predictions = batchPrediction.stream()
                .filter(p ->
                        p.stamp().equals(m.execution.fromStamp()) || p.stamp().equals(m.execution.toStamp()))
                .map(p -> new MovePrediction(p.stamp(), p.pool(), p.beforeP95(), p.afterP95(), null))
                .toList();
        write(
                m,
                "CUTOVER_STARTED",
                () -> {
                    m.execution.startCutover(now());
                    m.baselineP99Ms = p99;
                    m.baselineRequests = requests;
                    m.note = null;
                    predictions.forEach(p -> store.savePrediction(m.planId, m.seq, p));
                },
                "MOVE_CUTOVER_STARTED");
        finishCutover(store.moves(m.planId).get(m.seq));
    }

    /** The one outside action of a move; idempotent — a replica already on the destination is left alone. */
    private void finishCutover(MoveRun m) {
        hook.at(StepHook.Point.BEFORE_CUTOVER, m);
        pointHome(m, m.execution.toStamp(), "cutover of plan " + m.planId);
        hook.at(StepHook.Point.AFTER_CUTOVER, m);
        Instant now = now();
        write(
                m,
                "CUT_OVER",
                () -> {
                    m.execution.startDraining(now);
                    m.cutoverAt = now;
                    m.drainUntil = now.plusSeconds(properties.drainSeconds());
                },
                "MOVE_CUT_OVER");
    }

    private boolean startValidation(MoveRun m) {
        write(
                m,
                "VALIDATION_STARTED",
                () -> {
                    m.execution.startValidating(now());
                    // the window ends at the time of day the cutover happened, so its peak window and the baseline's
                    // align
                    m.validateUntil = m.cutoverAt.plus(Duration.ofHours(m.observationHours));
                },
                "MOVE_VALIDATING");
        return true;
    }

    /** Validation starts when the source has drained: its in-flight requests at zero (30–60 s), see {@link DrainWatch}. */
    private boolean drain(MoveRun m) {
        Instant cutoverAt = m.cutoverAt == null ? now() : m.cutoverAt;
        SourceInFlight reporter = inFlight.getIfAvailable();
        DrainWatch.Drain drained = DrainWatch.observe(
                cutoverAt,
                now(),
                at -> reporter == null
                        ? OptionalLong.empty()
                        : reporter.inFlight(m.registry(), m.execution.region(), m.execution.fromStamp(), cutoverAt, at),
                properties.drainSeconds());
        if (drained == null) {
            return false;
        }
        watch.saveDrain(m, cutoverAt, drained);
        return startValidation(m);
    }

    /**
     * Every pass over a validating move stores the minutes it has not seen yet; a fail criterion sustained ends the
     * window early, otherwise the verdict comes at its end.
     */
    private boolean watchAndJudge(PlanRun run, MoveRun m, boolean windowOver) {
        // minutes are stored once and judged once: only from an engine that holds every sample any console instance
        // had stored when this pass began
        EngineFollow engine = follow.getIfAvailable();
        if (engine != null && !engine.caughtUpAsOf(passStarted)) {
            return note(
                    m,
                    CATCHING_UP + "this instance's signals are still reading what other console instances stored ("
                            + engine.behind() + "); validation continues once they are in");
        }
        if (m.note != null && m.note.startsWith(CATCHING_UP)) {
            write(m, null, () -> m.note = null, null);
        }
        watch.record(m, now(), properties.telemetryLag());
        Optional<String> failure = watch.sustainedFailure(m);
        if (failure.isPresent()) {
            return judge(run, m, failure.get());
        }
        // minutes at the window's end may still be on their way from the fleet's collectors: judge once they are in
        boolean settled = m.validateUntil != null
                && !now().minus(properties.telemetryLag()).isBefore(m.validateUntil);
        return windowOver && settled && judge(run, m, null);
    }

    private boolean judge(PlanRun run, MoveRun m, @Nullable String sustainedFailure) {
        hook.at(StepHook.Point.BEFORE_VERDICT, m);
        ValidationEvidence e = evidence.at(
                m,
                store.predictions(m.planId, m.seq),
                watch.window(m.planId, m.seq),
                watch.drain(m.planId, m.seq),
                sustainedFailure);
        VerdictRules.Judgement judgement = VerdictRules.judge(e, properties.validation());
        Instant now = now();
        MoveState judged = m.state();
        tx.executeWithoutResult(status -> {
            List<MovePrediction> all = new ArrayList<>(e.sourcePools());
            all.addAll(e.destinationPools());
            all.stream()
                    .filter(p -> p.predicted() != null || p.before() != null)
                    .forEach(p -> store.savePrediction(m.planId, m.seq, p));
            m.verdict = judgement.verdict();
            m.evidence = judgement.text();
            m.predictionErrorPp = all.stream()
                    .map(MovePrediction::errorPp)
                    .filter(x -> x != null)
                    .max(Comparator.comparingDouble(Math::abs))
                    .orElse(null);
            String who = m.describe();
            switch (judgement.verdict()) {
                case PASS -> m.execution.complete(now);
                case MARGINAL -> {
                    m.execution.complete(now);
                    run.pause("Marginal verdict on " + who + ": resume to accept it and go on, or roll back");
                }
                case FAIL -> {
                    m.execution.fail(
                            sustainedFailure != null ? "failed early: " + sustainedFailure : "validation failed", now);
                    if (run.autoRollback) {
                        run.startRollback("Automatic rollback (plan policy): validation of " + who + " failed");
                    } else {
                        run.pause("Validation of " + who + " failed: roll the plan back");
                    }
                }
            }
            save(m);
            saveRun(run);
            store.journal(
                    m.planId,
                    m.seq,
                    "VERDICT",
                    now,
                    executorId(),
                    judgement.verdict().name());
            events.publishEvent(new MoveStateChanged(m.planId, m.seq, m.registry(), judged, m.state()));
            events.publishEvent(new MoveJudged(m.planId, actor(), who, judgement.verdict()));
            if (run.status() != RunStatus.RUNNING) {
                events.publishEvent(new RunStatusChanged(m.planId, actor(), run.status(), reasonOf(run)));
            }
        });
        return true;
    }

    /** A failed move found on a running plan (e.g. after a restart mid-verdict): pause, never go past it. */
    private boolean pauseForFailure(PlanRun run, MoveRun m) {
        tx.executeWithoutResult(status -> {
            run.pause("Validation of " + m.describe() + " failed: roll the plan back");
            saveRun(run);
            events.publishEvent(new RunStatusChanged(run.planId, actor(), run.status(), reasonOf(run)));
        });
        return true;
    }

    private void completePlan(PlanRun run) {
        tx.executeWithoutResult(status -> {
            run.complete(now());
            saveRun(run);
            planning.finishExecution(run.planId, PlanStatus.COMPLETED, actor(), "every move validated");
        });
    }

    // ---- provisioning ------------------------------------------------------------------------

    private boolean provision(PlanRun run, MoveRun m) {
        String to = m.execution.toStamp();
        Optional<DedicatedStampSpec> spec = computation.dedicatedStampSpec(planning.get(run.planId), to, executorId());
        if (spec.isEmpty()) {
            tx.executeWithoutResult(status -> {
                run.pause("Destination " + to + " of " + m.registry() + " does not exist and is not a dedicated stamp"
                        + " this plan can provision");
                saveRun(run);
                events.publishEvent(new RunStatusChanged(run.planId, actor(), run.status(), reasonOf(run)));
            });
            return true;
        }
        if (!provisioning.available()) {
            // bring-your-own inventory: an operator builds the stamp and declares it through the inventory API
            return note(
                    m,
                    "Waiting for dedicated stamp " + to + " (" + spec.get().registryNodes() + " registry nodes, "
                            + spec.get().dataproxyNodes()
                            + " dataproxy nodes): no provisioner is configured, declare it with"
                            + " PUT /api/v1/stamps/" + to);
        }
        hook.at(StepHook.Point.BEFORE_PROVISION, m);
        provisioning.provision(spec.get());
        store.journal(m.planId, m.seq, "PROVISION_REQUESTED", now(), executorId(), to);
        tx.executeWithoutResult(
                status -> events.publishEvent(new DedicatedStampRequested(run.planId, actor(), spec.get())));
        return note(m, "Provisioning dedicated stamp " + to);
    }

    // ---- rollback ----------------------------------------------------------------------------

    private void finishRollback(PlanRun run) {
        tx.executeWithoutResult(status -> {
            run.finishRollback(now());
            saveRun(run);
            planning.finishExecution(
                    run.planId, PlanStatus.ROLLED_BACK, actor(), run.reason() == null ? "rolled back" : run.reason());
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void pointHome(MoveRun m, String stamp, String reason) {
        fleet.rehomeIfNeeded(
                RegistryName.of(m.registry()),
                RegionName.of(m.execution.region()),
                StampName.of(stamp),
                reason,
                actor());
    }

    /** Predicted effect of the whole batch on every pool it touches (its moves act together). */
    private List<PlanPrediction> predict(PlanRun run, List<MoveRun> batch) {
        Map<String, String> destinations = new LinkedHashMap<>();
        batch.stream()
                .filter(b -> b.state() == MoveState.APPROVED)
                .forEach(b -> destinations.put(b.registry(), b.execution.toStamp()));
        return computation.predictMoves(run.region, destinations);
    }

    private boolean note(MoveRun m, String note) {
        if (note.equals(m.note)) {
            return false;
        }
        write(m, null, () -> m.note = note, null);
        return false;
    }

    /** One step: the state change, the journal line, its events (the audit entry among them) in one transaction. */
    private void write(MoveRun m, @Nullable String step, Runnable change, @Nullable String auditAction) {
        tx.executeWithoutResult(status -> {
            MoveState from = m.state();
            change.run();
            save(m);
            if (step != null && !store.journal(m.planId, m.seq, step, now(), executorId(), m.describe())) {
                throw new ConcurrentChange();
            }
            if (m.state() != from) {
                events.publishEvent(new MoveStateChanged(m.planId, m.seq, m.registry(), from, m.state()));
            }
            if (auditAction != null) {
                events.publishEvent(new MoveStepTaken(m.planId, actor(), auditAction, m.describe()));
            }
        });
    }

    private void save(MoveRun m) {
        if (!store.update(m)) {
            throw new ConcurrentChange();
        }
    }

    private void saveRun(PlanRun run) {
        if (!store.update(run)) {
            throw new ConcurrentChange();
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /** Another instance or a user action changed the row first; this pass stops and the next one re-reads. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("changed concurrently", null, false, false);
        }
    }
}
