package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The model against the baseline rule ("P95 above the threshold or a sustained reactive trigger") on held-out
 * worlds. The model raises its alarm at a score of at least {@code operatingScore}; the rule when it holds. Also how
 * the model does at the rule's own operating point: its best recall at the rule's precision or better, and its best
 * precision at the rule's recall or better (the goal: more recall at equal or better precision).
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

    /** Scores every usable row of {@code histories} with {@code scoreModel} and the baseline rule. */
    public static Evaluation of(
            ScoreModel scoreModel, List<SimulatedHistory> histories, double operatingScore, IncidentRule rule) {
        int total = 0;
        for (SimulatedHistory h : histories) {
            total += (int) h.usableRows();
        }
        float[] modelScores = new float[total];
        float[] baselineScores = new float[total];
        byte[] labels = new byte[total];
        boolean[] modelAlarm = new boolean[total];
        boolean[] baselineAlarm = new boolean[total];
        List<Integer> modelLeads = new ArrayList<>();
        List<Integer> baselineLeads = new ArrayList<>();
        int incidents = 0;
        int i = 0;
        double[] row = new double[ScoreFeature.COUNT];
        StringBuilder heldOut = new StringBuilder();
        for (SimulatedHistory h : histories) {
            if (!heldOut.isEmpty()) {
                heldOut.append(", ");
            }
            heldOut.append("seed ")
                    .append(h.world().seed())
                    .append(" (")
                    .append(h.world().stamps())
                    .append(" stamps × ")
                    .append(h.world().days())
                    .append(" days)");
            for (int s = 0; s < h.stamps(); s++) {
                boolean[] stampModelAlarm = new boolean[h.rows()];
                boolean[] stampBaselineAlarm = new boolean[h.rows()];
                for (int r = 0; r < h.rows(); r++) {
                    byte target = h.target(s, r);
                    if (target < 0) {
                        continue;
                    }
                    h.features(s, r, row);
                    double score = scoreModel.score(row);
                    modelScores[i] = (float) score;
                    baselineScores[i] = h.baseline(s, r);
                    labels[i] = target;
                    modelAlarm[i] = score >= operatingScore;
                    baselineAlarm[i] = h.baseline(s, r) > 0;
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
        long positives = 0;
        for (int k = 0; k < total; k++) {
            positives += labels[k];
        }
        Metrics baseline = Metrics.of(baselineScores, labels, baselineAlarm, total, incidents, toArray(baselineLeads));
        double[] atBaseline = Metrics.atOperatingPoint(
                modelScores,
                labels,
                total,
                Double.isNaN(baseline.precision()) ? 0 : baseline.precision(),
                Double.isNaN(baseline.recall()) ? 0 : baseline.recall());
        return new Evaluation(
                Metrics.of(modelScores, labels, modelAlarm, total, incidents, toArray(modelLeads)),
                baseline,
                operatingScore,
                total,
                positives,
                heldOut.toString(),
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
