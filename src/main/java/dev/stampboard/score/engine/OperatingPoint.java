package dev.stampboard.score.engine;

import java.util.List;
import java.util.Locale;

/**
 * The score at which the model's alarm counts in the evaluation, chosen on validation worlds: seeds neither trained
 * on nor held out for the test, so the test figures never see the choice. The rule: the lowest score whose precision
 * on the validation rows is at least the baseline rule's precision on the same rows (the most recall the model gets
 * without giving up precision against the rule). Without validation worlds, or when no score qualifies (no incident
 * in the validation worlds, or the baseline never fires there), the configured score stands.
 *
 * @param score              the chosen operating score, 0–100
 * @param fromValidation     whether the validation rule chose it (false: the configured score)
 * @param validation         which validation worlds, e.g. "seed 51 (30 stamps × 8 days)"; empty without any
 * @param rows               validation rows (minutes not inside an incident, with their whole horizon observed)
 * @param positives          of those, rows with an incident ahead within the horizon
 * @param baselinePrecision  the baseline rule's precision on the validation rows (NaN when it never fires)
 * @param modelPrecision     the model's validation precision at the chosen score
 * @param modelRecall        the model's validation recall at the chosen score
 */
public record OperatingPoint(
        double score,
        boolean fromValidation,
        String validation,
        long rows,
        long positives,
        double baselinePrecision,
        double modelPrecision,
        double modelRecall) {

    /** What the evaluation text says about the choice. */
    public String describe() {
        if (!fromValidation) {
            return String.format(
                    Locale.ROOT,
                    "the configured score %.1f (%s)",
                    score,
                    validation.isEmpty()
                            ? "no validation worlds"
                            : "no score reached the baseline's precision on " + validation);
        }
        return String.format(
                Locale.ROOT,
                "%.3g: the lowest score whose precision on the validation worlds (%s; %,d rows, %,d with an incident"
                        + " ahead) is at least the baseline rule's there (%.4f); there the model had precision %.4f,"
                        + " recall %.3f",
                score,
                validation,
                rows,
                positives,
                baselinePrecision,
                modelPrecision,
                modelRecall);
    }

    /** Chooses on {@code validation} (never the held-out worlds); {@code configured} when it cannot. */
    public static OperatingPoint choose(ScoreModel model, List<SimulatedHistory> validation, double configured) {
        if (validation.isEmpty()) {
            return new OperatingPoint(configured, false, "", 0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        Evaluation.Rows rows = Evaluation.Rows.of(model, validation);
        Metrics baseline =
                Metrics.of(rows.baselineScores(), rows.labels(), rows.baselineAlarm(), rows.n(), 0, new int[0]);
        double chosen = Double.isNaN(baseline.precision())
                ? Double.NaN
                : Metrics.lowestThresholdWithPrecision(
                        rows.modelScores(), rows.labels(), rows.n(), baseline.precision());
        if (Double.isNaN(chosen) || rows.positives() == 0) {
            return new OperatingPoint(
                    configured,
                    false,
                    rows.described(),
                    rows.n(),
                    rows.positives(),
                    baseline.precision(),
                    Double.NaN,
                    Double.NaN);
        }
        boolean[] alarm = rows.modelAlarm(chosen);
        Metrics at = Metrics.of(rows.modelScores(), rows.labels(), alarm, rows.n(), 0, new int[0]);
        return new OperatingPoint(
                chosen,
                true,
                rows.described(),
                rows.n(),
                rows.positives(),
                baseline.precision(),
                at.precision(),
                at.recall());
    }
}
