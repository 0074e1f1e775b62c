package dev.stampboard.score;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model version as the model page and the API show it: who trained it when, on what, its features with the fitted
 * and (when an admin pinned them) the pinned weights, and its evaluation against the baseline rule on held-out
 * worlds. The evaluation is of the fitted weights; pinned weights are not evaluated.
 */
public record ModelCard(
        int version,
        Instant trainedAt,
        String trainedBy,
        ModelStatus status,
        @Nullable Instant activatedAt,
        @Nullable String activatedBy,
        boolean pinned,
        double intercept,
        List<FeatureWeight> features,
        Training training,
        Evaluated evaluation) {

    /** One feature: its key, label, the weight in use, the fitted weight and its standardisation. */
    public record FeatureWeight(
            String name, String label, String unit, double weight, double fittedWeight, double mean, double scale) {}

    /** What the version was trained on, the incident rule, and how long it took. */
    public record Training(
            long rows,
            long positives,
            String worlds,
            double p99SloMs,
            double throttlingPercent,
            int sustainMinutes,
            int horizonHours,
            long simulatedStampMinutes,
            long simulateMillis,
            long fitMillis) {}

    /**
     * The fitted model and the baseline rule on the same held-out rows. {@code operatingScoreChoice}: how the
     * operating score was chosen (on validation worlds, never the held-out ones); {@code configuredScore} and
     * {@code modelAtConfiguredScore}: the configured score and the model's held-out figures there, when the
     * validation chose another (null otherwise, and on versions trained before the choice existed).
     */
    public record Evaluated(
            String heldOut,
            long rows,
            long positives,
            double operatingScore,
            Side model,
            Side baseline,
            @Nullable Double modelRecallAtBaselinePrecision,
            @Nullable Double modelPrecisionAtBaselineRecall,
            @Nullable String operatingScoreChoice,
            @Nullable Double configuredScore,
            @Nullable Side modelAtConfiguredScore) {}

    /**
     * One predictor: ROC AUC, precision and recall at its operating point, median lead time (null without a
     * detected incident; null where a figure is undefined, e.g. precision without alarms), incidents detected of those with an observed horizon, ROC points [fpr, tpr] and every
     * detected incident's lead time in minutes.
     */
    public record Side(
            @Nullable Double auc,
            @Nullable Double precision,
            @Nullable Double recall,
            @Nullable Double leadTimeMinutes,
            int incidents,
            int detected,
            List<double[]> roc,
            int[] leadTimes) {}
}
