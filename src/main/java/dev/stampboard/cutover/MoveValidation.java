package dev.stampboard.cutover;

import dev.stampboard.signals.EngineFollow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executor's steps after a cutover: wait for the source to drain, watch the validation window, and judge the move
 * (DESIGN §5, {@link VerdictRules}). Each returns whether it made progress; one not due yet changes nothing, or only
 * the monitor's note.
 */
final class MoveValidation {

    /** The monitor's note on a move whose verdict waits for this instance's engine to read the store. */
    static final String CATCHING_UP = "Catching up: ";

    private final StepWriter steps;
    private final ExecutionStore store;
    private final EvidenceCollector evidence;
    private final ValidationWatch watch;
    private final CutoverProperties properties;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SourceInFlight> inFlight;
    private final ObjectProvider<EngineFollow> follow;
    private final Supplier<StepHook> hook;

    MoveValidation(
            StepWriter steps,
            ExecutionStore store,
            EvidenceCollector evidence,
            ValidationWatch watch,
            CutoverProperties properties,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ObjectProvider<SourceInFlight> inFlight,
            ObjectProvider<EngineFollow> follow,
            Supplier<StepHook> hook) {
        this.steps = steps;
        this.store = store;
        this.evidence = evidence;
        this.watch = watch;
        this.properties = properties;
        this.tx = tx;
        this.events = events;
        this.inFlight = inFlight;
        this.follow = follow;
        this.hook = hook;
    }

    /** Validation starts when the source has drained: its in-flight requests at zero (30–60 s), see {@link DrainWatch}. */
    boolean drain(MoveRun m) {
        Instant cutoverAt = m.cutoverAt == null ? steps.now() : m.cutoverAt;
        SourceInFlight reporter = inFlight.getIfAvailable();
        DrainWatch.Drain drained = DrainWatch.observe(
                cutoverAt,
                steps.now(),
                at -> reporter == null
                        ? OptionalLong.empty()
                        : reporter.inFlight(m.registry(), m.execution.region(), m.execution.fromStamp(), cutoverAt, at),
                properties.drainSeconds());
        if (drained == null) {
            return false;
        }
        watch.saveDrain(m, cutoverAt, drained);
        steps.write(
                m,
                "VALIDATION_STARTED",
                () -> {
                    m.execution.startValidating(steps.now());
                    // the window ends at the time of day the cutover happened, so its peak window and the baseline's
                    // align
                    m.validateUntil = cutoverAt.plus(Duration.ofHours(m.observationHours));
                },
                "MOVE_VALIDATING");
        return true;
    }

    /**
     * Every pass over a validating move stores the minutes it has not seen yet; a fail criterion sustained ends the
     * window early, otherwise the verdict comes at its end. {@code passStarted} ({@link System#nanoTime}): a verdict
     * needs every sample stored before the pass began.
     */
    boolean watchAndJudge(PlanRun run, MoveRun m, boolean windowOver, long passStarted) {
        // minutes are stored once and judged once: only from an engine that holds every sample any console instance
        // had stored when this pass began
        EngineFollow engine = follow.getIfAvailable();
        if (engine != null && !engine.caughtUpAsOf(passStarted)) {
            return steps.note(
                    m,
                    CATCHING_UP + "this instance's signals are still reading what other console instances stored ("
                            + engine.behind() + "); validation continues once they are in");
        }
        // a validating move's only note is the catching-up one above (a move's earlier notes, waiting for its
        // destination, are cleared when its cutover starts): no decision on the note's text
        if (m.note != null) {
            steps.write(m, null, () -> m.note = null, null);
        }
        watch.record(m, steps.now(), properties.telemetryLag());
        Optional<String> failure = watch.sustainedFailure(m);
        if (failure.isPresent()) {
            return judge(run, m, failure.get());
        }
        // minutes at the window's end may still be on their way from the fleet's collectors: judge once they are in
        boolean settled = m.validateUntil != null
                && !steps.now().minus(properties.telemetryLag()).isBefore(m.validateUntil);
        return windowOver && settled && judge(run, m, null);
    }

    /** A failed move found on a running plan (e.g. after a restart mid-verdict): pause, never go past it. */
    boolean pauseForFailure(PlanRun run, MoveRun m) {
        String failure = m.execution.failure();
        // a move whose cutover the destination refused (CutoverExecutor) failed without a verdict: its reason says why
        steps.pause(
                run,
                m.verdict == null && failure != null
                        ? failure
                        : "Validation of " + m.describe() + " failed: roll the plan back");
        return true;
    }

    private boolean judge(PlanRun run, MoveRun m, @Nullable String sustainedFailure) {
        hook.get().at(StepHook.Point.BEFORE_VERDICT, m);
        ValidationEvidence e = evidence.at(
                m,
                store.predictions(m.planId, m.seq),
                watch.window(m.planId, m.seq),
                watch.drain(m.planId, m.seq),
                sustainedFailure);
        VerdictRules.Judgement judgement = VerdictRules.judge(e, properties.validation());
        Instant now = steps.now();
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
            steps.save(m);
            steps.saveRun(run);
            store.journal(
                    m.planId,
                    m.seq,
                    "VERDICT",
                    now,
                    steps.executorId(),
                    judgement.verdict().name());
            events.publishEvent(new MoveStateChanged(m.planId, m.seq, m.registry(), judged, m.state()));
            events.publishEvent(new MoveJudged(m.planId, steps.actor(), who, judgement.verdict()));
            if (run.status() != RunStatus.RUNNING) {
                events.publishEvent(
                        new RunStatusChanged(m.planId, steps.actor(), run.status(), StepWriter.reasonOf(run)));
            }
        });
        return true;
    }
}
