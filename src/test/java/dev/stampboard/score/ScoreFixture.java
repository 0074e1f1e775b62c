package dev.stampboard.score;

import dev.stampboard.base.Actor;

/** A tiny active model version (the test profile's retraining plan), trained once per context. */
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
}
