package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampProvisioning;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.Placement;
import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampClosedToPlacement;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampName;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.PlanComputation;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanPrediction;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.signals.EngineFollow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final CutoverProperties properties;
    private final TransactionTemplate tx;
    private final ExecutorLease lease;
    private final StepWriter steps;
    private final MoveValidation validation;
    private volatile StepHook hook = StepHook.NONE;
    /** When the current pass began ({@link System#nanoTime}): a verdict needs every sample stored before it. */
    private long passStarted;

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
        this.store = store;
        this.planning = planning;
        this.fleet = fleet;
        this.computation = computation;
        this.provisioning = provisioning;
        this.evidence = evidence;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.lease = lease;
        this.steps = new StepWriter(store, tx, events, clock, lease);
        this.validation = new MoveValidation(
                steps, store, evidence, watch, properties, tx, events, inFlight, follow, () -> this.hook);
    }

    /** This instance's name in the step journal and the lease. */
    public String executorId() {
        return steps.executorId();
    }

    private Actor actor() {
        return steps.actor();
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
            } catch (StepWriter.ConcurrentChange e) {
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

    private void advance(PlanId planId) {
        for (int i = 0; i < MAX_STEPS_PER_PASS; i++) {
            PlanRun run = store.run(planId).orElseThrow();
            if (run.status().isFinished() || !step(run, store.moves(planId))) {
                return;
            }
        }
    }

    /** Takes the next step of the plan, if one is due; false when there is nothing to do until time passes. */
    private boolean step(PlanRun run, List<MoveRun> moves) {
        return act(run, NextStep.decide(run, moves, steps.now()));
    }

    /** Carries out what {@link NextStep} decided; false when the step is not due yet and nothing changed. */
    private boolean act(PlanRun run, NextStep.Step step) {
        if (step instanceof NextStep.FinishCutover s) {
            finishCutover(run, s.move());
            return true;
        } else if (step instanceof NextStep.HoldForPause s) {
            steps.write(s.move(), null, () -> s.move().execution.pause(steps.now()), null);
            return true;
        } else if (step instanceof NextStep.Resume s) {
            steps.write(s.move(), null, () -> s.move().execution.resume(steps.now()), null);
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
            return validation.drain(s.move());
        } else if (step instanceof NextStep.Watch s) {
            return validation.watchAndJudge(run, s.move(), s.windowOver(), passStarted);
        } else if (step instanceof NextStep.PauseForFailure s) {
            return validation.pauseForFailure(run, s.move());
        } else if (step instanceof NextStep.RollBack s) {
            MoveRun m = s.move();
            hook.at(StepHook.Point.BEFORE_ROLLBACK, m);
            // onto a DRAINING source too (never strand a customer on a destination that failed); a RETIRED one cannot
            // be the source of a run not finished: the fleet refuses to retire it (RunsUsingStamp)
            pointHome(m, m.execution.fromStamp(), Placement.ROLLBACK, "rollback of plan " + m.planId);
            hook.at(StepHook.Point.AFTER_ROLLBACK, m);
            steps.write(m, "ROLLED_BACK", () -> m.execution.finishRollback(steps.now()), "MOVE_ROLLED_BACK");
            return true;
        } else if (step instanceof NextStep.StartRollback s) {
            steps.write(s.move(), null, () -> s.move().execution.startRollback(steps.now()), null);
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
            StampStatus status = destination.get().status();
            if (status != StampStatus.ACTIVE && status.canMoveTo(StampStatus.ACTIVE)) {
                return steps.note(
                        m, "Waiting for " + m.execution.toStamp() + " to become ACTIVE (it is " + status + ")");
            }
            if (status != StampStatus.ACTIVE) {
                // a DRAINING or RETIRED stamp never becomes ACTIVE again: waiting would hold the plan forever, and
                // going on without this move would run a plan that is not the one approved. A person decides.
                steps.pause(run, destinationClosed(m, status));
                return true;
            }
        }
        List<PlanPrediction> predicted = predict(run, batch);
        for (MoveRun m : batch) {
            if (m.state() == MoveState.APPROVED) {
                startMove(run, m, predicted);
            }
        }
        return true;
    }

    private void startMove(PlanRun run, MoveRun m, List<PlanPrediction> batchPrediction) {
        Double p99 = evidence.p99Ms(m.registry(), m.execution.region());
        Double requests = evidence.requestsPerMinute(m.registry(), m.execution.region());
        List<MovePrediction> predictions = batchPrediction.stream()
                .filter(p ->
                        p.stamp().equals(m.execution.fromStamp()) || p.stamp().equals(m.execution.toStamp()))
                .map(p -> new MovePrediction(p.stamp(), p.pool(), p.beforeP95(), p.afterP95(), null))
                .toList();
        steps.write(
                m,
                "CUTOVER_STARTED",
                () -> {
                    m.execution.startCutover(steps.now());
                    m.baselineP99Ms = p99;
                    m.baselineRequests = requests;
                    m.note = null;
                    predictions.forEach(p -> store.savePrediction(m.planId, m.seq, p));
                },
                "MOVE_CUTOVER_STARTED");
        finishCutover(run, store.moves(m.planId).get(m.seq));
    }

    /**
     * The one outside action of a move; idempotent — a replica already on the destination is left alone. When the
     * destination stopped taking replicas after the batch was started (it began draining meanwhile; the fleet judges
     * under the stamp's lock), nothing moved: the move fails with that reason and the plan pauses for a person.
     */
    private void finishCutover(PlanRun run, MoveRun m) {
        hook.at(StepHook.Point.BEFORE_CUTOVER, m);
        try {
            pointHome(m, m.execution.toStamp(), Placement.CUTOVER, "cutover of plan " + m.planId);
        } catch (StampClosedToPlacement refused) {
            String reason = destinationClosed(m, refused.status());
            steps.write(m, "CUTOVER_REFUSED", () -> m.execution.fail(reason, steps.now()), "MOVE_CUTOVER_REFUSED");
            if (run.status() == RunStatus.RUNNING) {
                steps.pause(run, reason);
            }
            return;
        }
        hook.at(StepHook.Point.AFTER_CUTOVER, m);
        Instant now = steps.now();
        steps.write(
                m,
                "CUT_OVER",
                () -> {
                    m.execution.startDraining(now);
                    m.cutoverAt = now;
                    m.drainUntil = now.plusSeconds(properties.drainSeconds());
                },
                "MOVE_CUT_OVER");
    }

    /** Why a move cannot go onto its destination any more, and what a person can do about it. */
    private static String destinationClosed(MoveRun m, StampStatus status) {
        return "Destination " + m.execution.toStamp() + " of " + m.registry() + " is " + status
                + ": it takes no new replicas, and " + m.registry() + " stays on " + m.execution.fromStamp()
                + ". Roll the plan back and plan again";
    }

    private void completePlan(PlanRun run) {
        tx.executeWithoutResult(status -> {
            run.complete(steps.now());
            steps.saveRun(run);
            planning.finishExecution(run.planId, PlanStatus.COMPLETED, actor(), "every move validated");
        });
    }

    // ---- provisioning ------------------------------------------------------------------------

    private boolean provision(PlanRun run, MoveRun m) {
        String to = m.execution.toStamp();
        Optional<DedicatedStampSpec> spec = computation.dedicatedStampSpec(planning.get(run.planId), to, actor());
        if (spec.isEmpty()) {
            steps.pause(
                    run,
                    "Destination " + to + " of " + m.registry() + " does not exist and is not a dedicated stamp"
                            + " this plan can provision");
            return true;
        }
        if (!provisioning.available()) {
            // bring-your-own inventory: an operator builds the stamp and declares it through the inventory API
            return steps.note(
                    m,
                    "Waiting for dedicated stamp " + to + " (" + spec.get().registryNodes() + " registry nodes, "
                            + spec.get().dataproxyNodes()
                            + " dataproxy nodes): no provisioner is configured, declare it with"
                            + " PUT /api/v1/stamps/" + to);
        }
        hook.at(StepHook.Point.BEFORE_PROVISION, m);
        provisioning.provision(spec.get());
        store.journal(m.planId, m.seq, "PROVISION_REQUESTED", steps.now(), executorId(), to);
        tx.executeWithoutResult(
                status -> events.publishEvent(new DedicatedStampRequested(run.planId, actor(), spec.get())));
        return steps.note(m, "Provisioning dedicated stamp " + to);
    }

    // ---- rollback ----------------------------------------------------------------------------

    private void finishRollback(PlanRun run) {
        tx.executeWithoutResult(status -> {
            run.finishRollback(steps.now());
            steps.saveRun(run);
            planning.finishExecution(
                    run.planId, PlanStatus.ROLLED_BACK, actor(), run.reason() == null ? "rolled back" : run.reason());
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void pointHome(MoveRun m, String stamp, Placement placement, String reason) {
        fleet.rehomeIfNeeded(
                RegistryName.of(m.registry()),
                RegionName.of(m.execution.region()),
                StampName.of(stamp),
                placement,
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
}
