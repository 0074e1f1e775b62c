package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.base.SingleInstanceJobs;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first score model version: when none is stored, the elected instance trains one in the background after
 * start-up and activates it itself, as no version was active to compare it with. Why it failed, if it does, is
 * recorded for every instance to show ({@link ScoreTrainingClaims#firstFailed}).
 */
@Component
class FirstScoreModel {

    private static final Logger log = LoggerFactory.getLogger(FirstScoreModel.class);
    static final String INITIAL_TRAINING_JOB = "score.initial-training";

    private final ScoreProperties properties;
    private final ScoreModelStore store;
    private final SingleInstanceJobs jobs;
    private final ScoreTraining training;
    private final ScoreTrainingClaims claims;
    private final ScoreModelService versions;

    FirstScoreModel(
            ScoreProperties properties,
            ScoreModelStore store,
            SingleInstanceJobs jobs,
            ScoreTraining training,
            ScoreTrainingClaims claims,
            ScoreModelService versions) {
        this.properties = properties;
        this.store = store;
        this.jobs = jobs;
        this.training = training;
        this.claims = claims;
        this.versions = versions;
    }

    /** Runs after the live scores' first read ({@link ScoreService#afterStartup}, order 30), so it does not slow it. */
    @EventListener(ApplicationReadyEvent.class)
    void afterStartup() {
        if (properties.initialTraining() && store.isEmpty() && jobs.holdsLease(INITIAL_TRAINING_JOB)) {
            Thread t = new Thread(this::trainFirstVersion, "score-initial-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private void trainFirstVersion() {
        try {
            long started = System.nanoTime();
            int version = training.trainAndStore(properties.initialPlan(), 1, Actor.SYSTEM);
            if (store.active().isEmpty()) {
                versions.activate(version, Actor.SYSTEM);
            }
            log.info(
                    "First score model version {} trained and active in {} s",
                    version,
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            claims.firstFailed(String.valueOf(e.getMessage()), Instant.now());
            log.warn("The first score model could not be trained; an admin can train one on the model page", e);
        }
    }
}
