package dev.stampboard.calibration.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each big registry's cost factor in one pool, from the pool's history alone: a robust multiple regression of the
 * hot node's CPU on every big registry's own traffic (the small ones summed in one column). A coefficient is what
 * one more request or byte of that registry really adds to the hot node — its hidden cost per request and whether
 * its hot keys sit on the hot node included. The planner instead takes (hot − b) · share; the factor is the ratio of
 * the two over the window, so the planner's share times the factor takes off what the registry really puts on.
 * Registries whose own traffic barely varies apart from the rest are left out (the data cannot tell them apart).
 */
final class RegistryCostFit {

    /** A registry needs this share of the pool's traffic to get its own column. */
    static final double MIN_SHARE = 0.03;

    static final int MAX_COLUMNS = 12;
    /** A coefficient is trusted when its standard error is at most this part of it. */
    static final double MAX_RELATIVE_ERROR = 0.2;

    static final double SATURATED = 99.0;

    private RegistryCostFit() {}

    /** Cost factors by {@link Calibration#costKey}; empty when the history has no per-registry traffic. */
    static Map<String, Double> fit(PoolHistory h, double baseline) {
        int n = h.hotCpu().length;
        double[] total = new double[n];
        h.registryTraffic().values().forEach(series -> {
            for (int t = 0; t < n && t < series.length; t++) {
                total[t] += series[t];
            }
        });
        double grand = sum(total);
        if (grand <= 0) {
            return Map.of();
        }
        List<String> big = h.registryTraffic().entrySet().stream()
                .filter(e -> sum(e.getValue()) / grand >= MIN_SHARE)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> sum(e.getValue()))
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_COLUMNS)
                .map(Map.Entry::getKey)
                .toList();
        if (big.isEmpty()) {
            return Map.of();
        }
        List<Integer> minutes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            // a saturated node reads 100 however much more it is asked: such minutes would flatten every slope
            if (!Double.isNaN(h.hotCpu()[t]) && h.hotCpu()[t] < SATURATED && total[t] > 0) {
                minutes.add(t);
            }
        }
        int columns = big.size() + 1;
        if (minutes.size() < Math.max(CalibrationFitter.MIN_HISTORY_MINUTES, 10 * columns)) {
            return Map.of();
        }
        // each column in units of its own mean, so bytes and requests condition alike
        double[] unit = new double[columns];
        double[][] x = new double[minutes.size()][columns];
        double[] y = new double[minutes.size()];
        for (int i = 0; i < minutes.size(); i++) {
            int t = minutes.get(i);
            double rest = total[t];
            for (int c = 0; c < big.size(); c++) {
                double v = value(trafficOf(h, big.get(c)), t);
                x[i][c] = v;
                rest -= v;
            }
            x[i][big.size()] = Math.max(0, rest);
            y[i] = h.hotCpu()[t];
        }
        for (int c = 0; c < columns; c++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[c];
            }
            unit[c] = mean / x.length;
            for (double[] row : x) {
                row[c] = unit[c] > 0 ? row[c] / unit[c] : 0;
            }
        }
        RobustRegression.Fit fit;
        try {
            fit = RobustRegression.fit(x, y, true);
        } catch (RuntimeException singular) { // columns that move in lockstep: nothing to tell apart
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        for (int c = 0; c < big.size(); c++) {
            double beta = fit.coefficients()[c + 1];
            double error = fit.standardErrors()[c + 1];
            if (!(beta > 0) || !(error <= MAX_RELATIVE_ERROR * beta)) {
                continue;
            }
            // what the registry really added to the hot node, against what the planner's (hot − b) · share says
            double[] series = trafficOf(h, big.get(c));
            double real = 0;
            double planner = 0;
            for (int t : minutes) {
                real += beta / unit[c] * value(series, t);
                planner += (h.hotCpu()[t] - baseline) * value(series, t) / total[t];
            }
            if (planner > 0) {
                out.put(Calibration.costKey(big.get(c), h.pool()), CalibrationFitter.bounded(real / planner));
            }
        }
        return out;
    }

    /** A registry's traffic minutes in the pool's history; one without a series sent nothing. */
    private static double[] trafficOf(PoolHistory h, String registry) {
        double[] series = h.registryTraffic().get(registry);
        return series == null ? new double[0] : series;
    }

    private static double value(double[] series, int t) {
        return t < series.length && !Double.isNaN(series[t]) ? series[t] : 0;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Double.isNaN(x) ? 0 : x;
        }
        return s;
    }
}
