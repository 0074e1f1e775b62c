package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.IncidentRule;
import dev.stampboard.score.engine.ScoreTrainer;
import dev.stampboard.score.engine.TrainingPlan;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains a score model version on the simulated world ({@link TrainingPlan}) and stores it inactive, with its
 * training facts and evaluation, audited as {@link ScoreModelTrained}. One training at a time among all instances: a
 * second one is refused while the first runs, here or on another instance ({@link ScoreTrainingClaims}, which every
 * instance reads to say whether a version is being trained). Whoever calls it has checked the role.
 */
final class ScoreTraining {

    private static final Logger log = LoggerFactory.getLogger(ScoreTraining.class);

    private final ScoreModelStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final double operatingScore;
    private final ScoreTrainingClaims claims;
    private final AtomicBoolean running = new AtomicBoolean();

    ScoreTraining(
            ScoreModelStore store,
            ScoreTrainingClaims claims,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            double operatingScore) {
        this.store = store;
        this.claims = claims;
        this.events = events;
        this.tx = tx;
        this.operatingScore = operatingScore;
    }

    /** Whether this instance trains a version now (its claim is renewed while it does). */
    boolean isRunningHere() {
        return running.get();
    }

    /** Whether a version is being trained now, on this instance or another: the shared claim. */
    boolean isRunning() {
        return claims.anyTraining(Instant.now());
    }

    /** Renews this instance's claim while it trains (called every few seconds). */
    void renewClaim() {
        if (running.get()) {
            claims.renew(Instant.now());
        }
    }

    /** Trains on {@code plan} with these features and incident rule, stores the version inactive; its number. */
    int trainAndStore(
            ScoreProperties.Plan plan, int threads, FeatureSettings features, IncidentRule rule, Actor actor) {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("A score model is being trained already; try again when it is done");
        }
        if (!claims.claim(Instant.now())) {
            running.set(false);
            throw new ConflictException(
                    "A score model is being trained already (on another console instance); try again when it is done");
        }
        try {
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
        } finally {
            claims.release();
            running.set(false);
        }
    }
}
