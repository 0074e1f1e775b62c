package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.DaemonScheduler;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.IncidentRule;
import dev.stampboard.score.engine.ScoreTrainer;
import dev.stampboard.score.engine.TrainingPlan;
import dev.stampboard.signals.SignalsService;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains a score model version on the simulated world ({@link TrainingPlan}) and stores it inactive, with its
 * training facts and evaluation, audited as {@link ScoreModelTrained}. It labels with the incident rule and features
 * in force when it starts. One training at a time among all instances: a second one is refused while the first runs,
 * here or on another instance ({@link ScoreTrainingClaims}, which every instance reads to say whether a version is
 * being trained). Whoever calls it has checked the role.
 */
@Component
class ScoreTraining {

    private static final Logger log = LoggerFactory.getLogger(ScoreTraining.class);

    private final ScoreModelStore store;
    private final ScoreTrainingClaims claims;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ScoreProperties properties;
    private final SignalsService signals;
    private final ScoreLabellingService labelling;
    private final AtomicBoolean running = new AtomicBoolean();

    /** How often the claim is renewed while training: well within {@link ScoreTrainingClaims#STALE}. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(5);

    private volatile @Nullable ScheduledExecutorService renewer;

    ScoreTraining(
            ScoreModelStore store,
            ScoreTrainingClaims claims,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            ScoreProperties properties,
            SignalsService signals,
            ScoreLabellingService labelling) {
        this.store = store;
        this.claims = claims;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.signals = signals;
        this.labelling = labelling;
    }

    /** Whether a version is being trained now, on this instance or another: the shared claim. */
    boolean isRunning() {
        return claims.anyTraining(Instant.now());
    }

    /** Trains on {@code plan} with the features and incident rule in force, stores the version inactive; its number. */
    int trainAndStore(ScoreProperties.Plan plan, int threads, Actor actor) {
        return whileClaimed(RENEW_EVERY, () -> train(plan, threads, actor));
    }

    /**
     * Runs {@code work} holding the one training claim, renewed every {@code renewEvery} on a daemon thread of its
     * own: not on Spring's shared scheduler thread, where any scheduled job running longer than
     * {@link ScoreTrainingClaims#STALE} would let the claim look dead to the other instances while this one trains.
     * Refused when another training holds the claim (here or on another instance).
     */
    <T> T whileClaimed(Duration renewEvery, Supplier<T> work) {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("A score model is being trained already; try again when it is done");
        }
        boolean claimed;
        try {
            claimed = claims.claim(Instant.now());
        } catch (RuntimeException e) { // the claim could not be written: nothing trains here, a later call may
            running.set(false);
            throw e;
        }
        if (!claimed) {
            running.set(false);
            throw new ConflictException(
                    "A score model is being trained already (on another console instance); try again when it is done");
        }
        ScheduledExecutorService renewer = DaemonScheduler.named("score-training-claim");
        this.renewer = renewer;
        try {
            long every = renewEvery.toMillis();
            renewer.scheduleWithFixedDelay(this::renewClaim, every, every, TimeUnit.MILLISECONDS);
            return work.get();
        } finally {
            renewer.shutdownNow();
            this.renewer = null;
            claims.release();
            running.set(false);
        }
    }

    private void renewClaim() {
        try {
            claims.renew(Instant.now());
        } catch (RuntimeException e) { // the database was away a moment: the next renewal tries again
            log.warn("Could not renew the score training claim: {}", e.toString());
        }
    }

    /** Stops renewing the claim when the application stops in the middle of a training. */
    @PreDestroy
    void stopRenewing() {
        ScheduledExecutorService r = renewer;
        if (r != null) {
            r.shutdownNow();
        }
    }

    private int train(ScoreProperties.Plan plan, int threads, Actor actor) {
        FeatureSettings features = CurrentFeatureSettings.of(signals);
        IncidentRule rule = labelling.incidentRule();
        double operatingScore = properties.operatingScore();
        TrainingPlan trainingPlan = new TrainingPlan(
                plan.stamps(),
                plan.days(),
                plan.trainSeeds(),
                plan.validation(),
                plan.heldOutSeeds(),
                plan.trainEvery(),
                plan.evalEvery(),
                features,
                rule,
                ScoreTrainer.Options.DEFAULTS,
                operatingScore);
        TrainingPlan.Result result = trainingPlan.run(threads);
        ModelCard.Training trainingFacts = new ModelCard.Training(
                result.trainingRows(),
                result.trainingPositives(),
                String.format(
                        Locale.ROOT,
                        "seeds %s: %d stamps × %d days each",
                        plan.trainSeeds(),
                        plan.stamps(),
                        plan.days()),
                rule.p99SloMs(),
                rule.throttlingPercent(),
                rule.sustainMinutes(),
                rule.horizonMinutes() / 60,
                result.simulatedStampMinutes(),
                result.simulateMillis(),
                result.fitMillis());
        ModelCard.Evaluated evaluated = Cards.evaluated(
                result.evaluation(), result.operatingPoint(), operatingScore, result.modelAtConfiguredScore());
        Integer version = tx.execute(status -> {
            int v = store.nextVersion();
            store.insert(v, Instant.now(), actor.name(), result.model(), trainingFacts, evaluated);
            events.publishEvent(new ScoreModelTrained(actor, v, Cards.summary(evaluated, trainingFacts)));
            return v;
        });
        log.info("Score model version {} trained: {}", version, Cards.summary(evaluated, trainingFacts));
        return java.util.Objects.requireNonNull(version);
    }
}
