package dev.stampboard.score;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stampboard.score.*}: what an incident is (p99 SLO, throttling share, how long sustained), how far ahead the
 * score looks, the score at which the model's alarm counts in the evaluation, and what versions are trained on:
 * the first version (trained in the background after start-up when none is stored) and the admins' retraining.
 */
@ConfigurationProperties("stampboard.score")
public record ScoreProperties(
        @DefaultValue("1500") double p99SloMs,
        @DefaultValue("1.0") double throttlingPercent,
        @DefaultValue("15") int sustainMinutes,
        @DefaultValue("6") int horizonHours,
        @DefaultValue("70") double operatingScore,
        @DefaultValue("true") boolean initialTraining,
        @Nullable Plan initial,
        @Nullable Plan retraining,
        @DefaultValue("2") int threads) {

    /** The first version: small, so it is ready a minute or two after start-up on a busy machine. */
    static final Plan DEFAULT_INITIAL = new Plan(30, 8, List.of(1L, 2L), List.of(51L), List.of(101L), 5, 2);
    /** An admin's retraining: more worlds and days. */
    static final Plan DEFAULT_RETRAINING =
            new Plan(30, 12, List.of(1L, 2L, 3L), List.of(51L), List.of(101L, 102L), 5, 2);

    Plan initialPlan() {
        return initial == null ? DEFAULT_INITIAL : initial;
    }

    Plan retrainingPlan() {
        return retraining == null ? DEFAULT_RETRAINING : retraining;
    }

    /**
     * Regions of {@code stamps} stamps over {@code days} days, per training, validation (where the operating score
     * is chosen; none: the configured {@code operating-score}) and held-out seed.
     */
    public record Plan(
            int stamps,
            int days,
            List<Long> trainSeeds,
            @Nullable List<Long> validationSeeds,
            List<Long> heldOutSeeds,
            int trainEvery,
            int evalEvery) {

        List<Long> validation() {
            return validationSeeds == null ? List.of() : validationSeeds;
        }
    }
}
