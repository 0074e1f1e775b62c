package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one predictor did on held-out rows: ROC AUC (the probability that a random positive row scores above a random
 * negative one, ties counting half), precision and recall of its alarm at the operating threshold, and lead times:
 * for each incident whose whole horizon before it was observed, the minutes from the first alarmed row within the
 * horizon before its start to the start (missed when none; at most the horizon).
 *
 * @param roc             false- and true-positive rates at up to 101 thresholds, from (0, 0) to (1, 1)
 * @param leadTimes       lead time of each detected incident, in minutes, ascending
 */
public record Metrics(
        double auc,
        double precision,
        double recall,
        double medianLeadMinutes,
        int incidents,
        int detected,
        List<double[]> roc,
        int[] leadTimes) {

    public Metrics {
        roc = List.copyOf(roc);
        leadTimes = leadTimes.clone();
    }

    @Override
    public int[] leadTimes() {
        return leadTimes.clone();
    }

    /**
     * @param scores  the predictor's score per row
     * @param labels  1 for an incident within the horizon, 0 for none (rows without a target are left out before)
     * @param alarm   whether each row's score raises the alarm
     */
    static Metrics of(float[] scores, byte[] labels, boolean[] alarm, int n, int incidents, int[] leadTimes) {
        long positives = 0;
        long truePositives = 0;
        long alarms = 0;
        for (int i = 0; i < n; i++) {
            positives += labels[i];
            if (alarm[i]) {
                alarms++;
                truePositives += labels[i];
            }
        }
        double precision = alarms == 0 ? Double.NaN : truePositives / (double) alarms;
        double recall = positives == 0 ? Double.NaN : truePositives / (double) positives;
        int[] leads = leadTimes.clone();
        Arrays.sort(leads);
        return new Metrics(
                auc(scores, labels, n),
                precision,
                recall,
                median(leads),
                incidents,
                leads.length,
                roc(scores, labels, n, positives),
                leads);
    }

    /** Mann–Whitney U over ranks, ties sharing their average rank. */
    static double auc(float[] scores, byte[] labels, int n) {
        long[] keyed = sortedByScore(scores, labels, n);
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            float score = scoreOf(keyed[i]);
            int positivesHere = 0;
            while (j < n && scoreOf(keyed[j]) == score) {
                positivesHere += (int) (keyed[j] & 1);
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0; // ranks i+1 .. j
            rankSum += averageRank * positivesHere;
            positives += positivesHere;
            i = j;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<double[]> roc(float[] scores, byte[] labels, int n, long positives) {
        long negatives = n - positives;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        if (positives == 0 || negatives == 0) {
            points.add(new double[] {1, 1});
            return points;
        }
        long[] keyed = sortedByScore(scores, labels, n);
        long tp = 0;
        long fp = 0;
        int step = Math.max(1, n / 100);
        int nextEmit = step;
        int i = n - 1;
        int taken = 0;
        while (i >= 0) { // from the highest score down; a threshold never splits tied scores
            float score = scoreOf(keyed[i]);
            while (i >= 0 && scoreOf(keyed[i]) == score) {
                if ((keyed[i] & 1) == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i--;
                taken++;
            }
            if (taken >= nextEmit || i < 0) {
                points.add(new double[] {fp / (double) negatives, tp / (double) positives});
                nextEmit = taken + step;
            }
        }
        return points;
    }

    /**
     * The best recall among thresholds (never splitting tied scores) whose precision is at least
     * {@code minPrecision}, and the best precision among those whose recall is at least {@code minRecall}: how the
     * predictor does at another predictor's precision or recall. NaN where no threshold qualifies.
     */
    static double[] atOperatingPoint(float[] scores, byte[] labels, int n, double minPrecision, double minRecall) {
        long positives = 0;
        for (int i = 0; i < n; i++) {
            positives += labels[i];
        }
        long[] keyed = sortedByScore(scores, labels, n);
        double bestRecall = Double.NaN;
        double bestPrecision = Double.NaN;
        long tp = 0;
        long alarms = 0;
        int i = n - 1;
        while (i >= 0 && positives > 0) {
            float score = scoreOf(keyed[i]);
            while (i >= 0 && scoreOf(keyed[i]) == score) {
                tp += keyed[i] & 1;
                alarms++;
                i--;
            }
            double precision = tp / (double) alarms;
            double recall = tp / (double) positives;
            if (precision >= minPrecision && !(recall <= bestRecall)) {
                bestRecall = recall;
            }
            if (recall >= minRecall && !(precision <= bestPrecision)) {
                bestPrecision = precision;
            }
        }
        return new double[] {bestRecall, bestPrecision};
    }

    /**
     * The lowest threshold t among the scores (alarm: score ≥ t, never splitting tied scores) whose precision is at
     * least {@code minPrecision}: the most recall a predictor gets without falling below that precision. NaN when no
     * threshold qualifies (or there is no row).
     */
    static double lowestThresholdWithPrecision(float[] scores, byte[] labels, int n, double minPrecision) {
        long[] keyed = sortedByScore(scores, labels, n);
        double lowest = Double.NaN;
        long tp = 0;
        long alarms = 0;
        int i = n - 1;
        while (i >= 0) {
            float score = scoreOf(keyed[i]);
            while (i >= 0 && scoreOf(keyed[i]) == score) {
                tp += keyed[i] & 1;
                alarms++;
                i--;
            }
            if (tp / (double) alarms >= minPrecision) {
                lowest = score;
            }
        }
        return lowest;
    }

    /** Scores (as sortable float bits, shifted past the sign) with the label in the lowest bit, ascending. */
    private static long[] sortedByScore(float[] scores, byte[] labels, int n) {
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(scores[i] + 0f);
            int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff; // negative floats reverse their order
            keyed[i] = ((long) sortable << 1) | labels[i];
        }
        Arrays.sort(keyed);
        return keyed;
    }

    private static float scoreOf(long keyed) {
        int sortable = (int) (keyed >> 1);
        return Float.intBitsToFloat(sortable >= 0 ? sortable : sortable ^ 0x7fffffff);
    }

    private static double median(int[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
