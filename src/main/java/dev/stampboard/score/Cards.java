package dev.stampboard.score;

import dev.stampboard.score.engine.Evaluation;
import dev.stampboard.score.engine.Metrics;
import dev.stampboard.score.engine.OperatingPoint;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Model cards from stored versions and evaluations, and their one-line summaries for the audit log. */
public final class Cards {

    private Cards() {}

    static ModelCard card(ScoreModelStore.Stored s) {
        ScoreModel fitted = s.fitted();
        ScoreModel effective = s.effective();
        List<ModelCard.FeatureWeight> features = new ArrayList<>();
        for (ScoreFeature f : ScoreFeature.values()) {
            int i = f.ordinal();
            features.add(new ModelCard.FeatureWeight(
                    f.key(),
                    f.label(),
                    f.unit(),
                    effective.weights()[i],
                    fitted.weights()[i],
                    fitted.means()[i],
                    fitted.scales()[i]));
        }
        return new ModelCard(
                s.version(),
                s.trainedAt(),
                s.trainedBy(),
                s.status(),
                s.activatedAt(),
                s.activatedBy(),
                s.pinnedWeights() != null,
                fitted.intercept(),
                features,
                s.training(),
                s.evaluation());
    }

    static ModelCard.Evaluated evaluated(
            Evaluation e, OperatingPoint point, double configured, @Nullable Metrics modelAtConfigured) {
        return new ModelCard.Evaluated(
                e.heldOut(),
                e.rows(),
                e.positives(),
                e.operatingScore(),
                side(e.model()),
                side(e.baseline()),
                finite(e.modelRecallAtBaselinePrecision()),
                finite(e.modelPrecisionAtBaselineRecall()),
                point.describe(),
                modelAtConfigured == null ? null : configured,
                modelAtConfigured == null ? null : side(modelAtConfigured));
    }

    private static ModelCard.Side side(Metrics m) {
        return new ModelCard.Side(
                finite(m.auc()),
                finite(m.precision()),
                finite(m.recall()),
                finite(m.medianLeadMinutes()),
                m.incidents(),
                m.detected(),
                m.roc(),
                m.leadTimes());
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String summary(ModelCard.Evaluated e, ModelCard.Training t) {
        return String.format(
                Locale.ROOT,
                "trained on %,d rows (%s); operating score %s; held out %s: model AUC %s precision %s recall %s lead %s min;"
                        + " baseline AUC %s precision %s recall %s lead %s min;"
                        + " model at the baseline's precision: recall %s, at its recall: precision %s",
                t.rows(),
                t.worlds(),
                e.operatingScoreChoice() == null ? figure(e.operatingScore()) : e.operatingScoreChoice(),
                e.heldOut(),
                figure(e.model().auc()),
                figure(e.model().precision()),
                figure(e.model().recall()),
                minutes(e.model().leadTimeMinutes()),
                figure(e.baseline().auc()),
                figure(e.baseline().precision()),
                figure(e.baseline().recall()),
                minutes(e.baseline().leadTimeMinutes()),
                figure(e.modelRecallAtBaselinePrecision()),
                figure(e.modelPrecisionAtBaselineRecall()));
    }

    public static String figure(@Nullable Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String minutes(@Nullable Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    static String weights(double[] weights) {
        StringBuilder b = new StringBuilder();
        for (ScoreFeature f : ScoreFeature.values()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(f.key()).append(' ').append(String.format(Locale.ROOT, "%.3f", weights[f.ordinal()]));
        }
        return b.toString();
    }
}
