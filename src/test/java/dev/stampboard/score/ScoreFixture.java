package dev.stampboard.score;

import dev.stampboard.base.Actor;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tiny active model version (the test profile's retraining plan), trained once per context; versions by hand. */
public final class ScoreFixture {

    private ScoreFixture() {}

    public static synchronized ModelCard activeVersion(ScoreModelService scores) {
        return scores.activeCard().orElseGet(() -> {
            int version = scores.versions().isEmpty()
                    ? scores.train(Actor.SYSTEM).version()
                    : scores.versions().get(0).version();
            return scores.activate(version, Actor.SYSTEM);
        });
    }

    /**
     * Stores {@code version}, inactive, with {@code of}'s model, training and evaluation, as another instance's
     * training would (no event, nothing audited). A test removes it again with {@link #remove}.
     */
    public static void storeCopy(ApplicationContext context, int of, int version) {
        ScoreModelStore store = context.getBean(ScoreModelStore.class);
        ScoreModelStore.Stored stored = store.find(of).orElseThrow();
        store.insert(version, Instant.now(), "test", stored.fitted(), stored.training(), stored.evaluation());
    }

    /** Pins {@code version}'s weights in the store, as another instance's pin would (no event, nothing audited). */
    public static void pinInStore(ApplicationContext context, int version, double[] weights) {
        context.getBean(ScoreModelStore.class).pin(version, weights);
    }

    public static void remove(ApplicationContext context, int version) {
        context.getBean(JdbcClient.class)
                .sql("delete from score_model_version where version = ?")
                .param(version)
                .update();
    }
}
