package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The model against the baseline rule ("P95 above the threshold or a sustained reactive trigger") on held-out
 * worlds. The rows are the minutes a prediction is for: a stamp already inside an incident is left out (its target is
 * none, see {@link IncidentRule#targets}), so both predict onsets, and a reactive rule firing inside an incident
 * counts for neither. The model raises its alarm at a score of at least {@code operatingScore} (chosen on validation
 * worlds, see {@link OperatingPoint}); the rule when it holds. Also how the model does at the rule's own operating
 * point: its best recall at the rule's precision or better, and its best precision at the rule's recall or better,
 * read off the held-out rows themselves (a comparison, never used to choose anything).
 */
public record Evaluation(
        Metrics model,
        Metrics baseline,
        double operatingScore,
        long rows,
        long positives,
        String heldOut,
        double modelRecallAtBaselinePrecision,
        double modelPrecisionAtBaselineRecall) {

    /** Every usable row of some worlds, in world, stamp, row order: the model's and the rule's score and the label. */
    record Rows(
            List<SimulatedHistory> histories,
            float[] modelScores,
            float[] baselineScores,
            byte[] labels,
            int n,
            long positives,
            String described) {

        static Rows of(ScoreModel scoreModel, List<SimulatedHistory> histories) {
            int total = 0;
            for (SimulatedHistory h : histories) {
                total += (int) h.usableRows();
            }
            float[] modelScores = new float[total];
            float[] baselineScores = new float[total];
            byte[] labels = new byte[total];
            long positives = 0;
            double[] row = new double[ScoreFeature.COUNT];
            StringBuilder described = new StringBuilder();
            int i = 0;
            for (SimulatedHistory h : histories) {
                if (!described.isEmpty()) {
                    described.append(", ");
                }
                described
                        .append("seed ")
                        .append(h.world().seed())
                        .append(" (")
                        .append(h.world().stamps())
                        .append(" stamps × ")
                        .append(h.world().days())
                        .append(" days)");
                for (int s = 0; s < h.stamps(); s++) {
                    for (int r = 0; r < h.rows(); r++) {
                        byte target = h.target(s, r);
                        if (target < 0) {
                            continue;
                        }
                        h.features(s, r, row);
                        modelScores[i] = (float) scoreModel.score(row);
                        baselineScores[i] = h.baseline(s, r);
                        labels[i] = target;
                        positives += target;
                        i++;
                    }
                }
            }
            return new Rows(
                    List.copyOf(histories),
                    modelScores,
                    baselineScores,
                    labels,
                    total,
                    positives,
                    described.toString());
        }

        /** The model's alarm at {@code threshold} (scores compared as stored, in float). */
        boolean[] modelAlarm(double threshold) {
            float t = (float) threshold;
            boolean[] alarm = new boolean[n];
            for (int k = 0; k < n; k++) {
                alarm[k] = modelScores[k] >= t;
            }
            return alarm;
        }

        /** The rule fires when its score is above 0. */
        boolean[] baselineAlarm() {
            boolean[] alarm = new boolean[n];
            for (int k = 0; k < n; k++) {
                alarm[k] = baselineScores[k] > 0;
            }
            return alarm;
        }
    }

    /** Scores every usable row of {@code histories} with {@code scoreModel} and the baseline rule. */
    public static Evaluation of(
            ScoreModel scoreModel, List<SimulatedHistory> histories, double operatingScore, IncidentRule rule) {
        Rows rows = Rows.of(scoreModel, histories);
        boolean[] modelAlarm = rows.modelAlarm(operatingScore);
        boolean[] baselineAlarm = rows.baselineAlarm();
        List<Integer> modelLeads = new ArrayList<>();
        List<Integer> baselineLeads = new ArrayList<>();
        int incidents = 0;
        int i = 0;
        for (SimulatedHistory h : histories) {
            for (int s = 0; s < h.stamps(); s++) {
                boolean[] stampModelAlarm = new boolean[h.rows()];
                boolean[] stampBaselineAlarm = new boolean[h.rows()];
                for (int r = 0; r < h.rows(); r++) {
                    if (h.target(s, r) < 0) {
                        continue;
                    }
                    stampModelAlarm[r] = modelAlarm[i];
                    stampBaselineAlarm[r] = baselineAlarm[i];
                    i++;
                }
                for (int start : h.incidentStarts(s)) {
                    int lookbackFrom = start - rule.horizonMinutes();
                    if (lookbackFrom < SimulatedHistory.WARMUP_MINUTES) {
                        continue; // the horizon before it was not observed
                    }
                    incidents++;
                    lead(h, start, lookbackFrom, stampModelAlarm, modelLeads);
                    lead(h, start, lookbackFrom, stampBaselineAlarm, baselineLeads);
                }
            }
        }
        int n = rows.n();
        Metrics baseline =
                Metrics.of(rows.baselineScores(), rows.labels(), baselineAlarm, n, incidents, toArray(baselineLeads));
        double[] atBaseline = Metrics.atOperatingPoint(
                rows.modelScores(),
                rows.labels(),
                n,
                Double.isNaN(baseline.precision()) ? 0 : baseline.precision(),
                Double.isNaN(baseline.recall()) ? 0 : baseline.recall());
        return new Evaluation(
                Metrics.of(rows.modelScores(), rows.labels(), modelAlarm, n, incidents, toArray(modelLeads)),
                baseline,
                operatingScore,
                n,
                rows.positives(),
                rows.described(),
                atBaseline[0],
                atBaseline[1]);
    }

    private static void lead(SimulatedHistory h, int start, int lookbackFrom, boolean[] alarm, List<Integer> leads) {
        int every = h.every();
        int first = Math.max(0, (lookbackFrom - SimulatedHistory.WARMUP_MINUTES + every - 1) / every);
        for (int r = first; r < h.rows() && h.minuteOf(r) < start; r++) {
            if (alarm[r]) {
                leads.add(start - h.minuteOf(r));
                return;
            }
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
