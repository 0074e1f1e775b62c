package dev.stampboard.signals.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hot-node P95 as it stood at each minute (the dashboard's trend line): for minute {@code t}, the
 * {@link NearestRank} P95 of the minute values in the trailing window {@code [t - window + 1, t]}, over
 * the values that are available. Keeps the window's values sorted as it slides, so a 12-hour trend costs
 * one binary insert and remove per minute.
 */
public final class RollingP95 {

    private RollingP95() {}

    /**
     * @param minutes ascending minutes that have a value, {@code values[i]} belonging to {@code minutes[i]}
     * @param from    first minute to report
     * @param to      last minute to report
     * @param window  trailing window length in minutes
     * @return one entry per minute of {@code [from, to]}; NaN where the trailing window holds no value
     */
    public static double[] of(long[] minutes, double[] values, long from, long to, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least one minute, got " + window);
        }
        double[] result = new double[Math.toIntExact(to - from + 1)];
        List<Double> sorted = new ArrayList<>();
        int oldest = 0; // the window holds values[oldest, next)
        int next = 0;
        for (int i = 0; i < result.length; i++) {
            long t = from + i;
            while (next < minutes.length && minutes[next] <= t) {
                insert(sorted, values[next++]);
            }
            while (oldest < next && minutes[oldest] <= t - window) {
                remove(sorted, values[oldest++]);
            }
            result[i] = sorted.isEmpty() ? Double.NaN : sorted.get(NearestRank.p95Rank(sorted.size()) - 1);
        }
        return result;
    }

    private static void insert(List<Double> sorted, double value) {
        int at = Collections.binarySearch(sorted, value);
        sorted.add(at < 0 ? -at - 1 : at, value);
    }

    private static void remove(List<Double> sorted, double value) {
        sorted.remove(Collections.binarySearch(sorted, value));
    }
}
