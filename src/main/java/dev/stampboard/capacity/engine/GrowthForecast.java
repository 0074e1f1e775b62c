package dev.stampboard.capacity.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.jspecify.annotations.Nullable;

/**
 * The growth forecast of a pool's daily peak P95: ordinary least squares (Commons Math's
 * {@link OLSMultipleLinearRegression}) of {@code p95(day) = β0 + β1 · day + Σ γ_d · [weekday = d]} with one dummy
 * per weekday but Monday (the weekly seasonality), from at least {@value #SEASONAL_MIN_DAYS} days; from
 * {@value #TREND_MIN_DAYS} to {@value #SEASONAL_MIN_DAYS} − 1 days the trend alone. Each forecast day carries a
 * prediction band: ± t(1 − α/2, n − p) · s · √(1 + x₀ᵀ(XᵀX)⁻¹x₀), the textbook interval for a new observation.
 */
public final class GrowthForecast {

    public static final int SEASONAL_MIN_DAYS = 14;
    public static final int TREND_MIN_DAYS = 4;

    /** One forecast day: the fitted or predicted P95 and its band. */
    public record Point(LocalDate day, double mean, double lower, double upper) {}

    /**
     * @param history        the daily peaks the fit used, oldest first
     * @param points         one per day from {@code from} for the horizon
     * @param slopePerDay    β1: points of P95 per day
     * @param seasonal       whether the weekday dummies were fitted
     * @param daysUntilHot   days from {@code from} to the first predicted day above the threshold (0 = the first
     *                       forecast day already is); null when no day of the horizon is
     * @param residualSd     s, the residual standard deviation
     */
    public record Forecast(
            List<DailyPeak> history,
            List<Point> points,
            double slopePerDay,
            boolean seasonal,
            @Nullable Integer daysUntilHot,
            double residualSd,
            double confidence) {

        public boolean crossesWithin(int days) {
            return daysUntilHot != null && daysUntilHot <= days;
        }
    }

    private GrowthForecast() {}

    /**
     * Fits the history (days in any order; at most one value per day) and forecasts {@code horizonDays} days from
     * {@code from}; null when fewer than {@value #TREND_MIN_DAYS} days are known.
     */
    public static @Nullable Forecast fit(
            List<DailyPeak> history, LocalDate from, int horizonDays, double hotThreshold, double confidence) {
        List<DailyPeak> days = history.stream()
                .filter(d -> Double.isFinite(d.p95()) && d.day().isBefore(from))
                .sorted(Comparator.comparing(DailyPeak::day))
                .toList();
        if (days.size() < TREND_MIN_DAYS) {
            return null;
        }
        LocalDate origin = days.get(0).day();
        boolean seasonal = days.size() >= SEASONAL_MIN_DAYS && everyWeekdayPresent(days);
        Fit fit = seasonal ? ols(days, origin, true) : null;
        if (fit == null) {
            seasonal = false;
            fit = ols(days, origin, false);
        }
        if (fit == null) {
            return null;
        }
        int dof = days.size() - fit.beta.getDimension();
        double t = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.5 + confidence / 2) : 0;
        List<Point> points = new ArrayList<>(horizonDays);
        Integer daysUntilHot = null;
        for (int k = 0; k < horizonDays; k++) {
            LocalDate day = from.plusDays(k);
            RealVector x = MatrixUtils.createRealVector(row(day, origin, seasonal, true));
            double mean = x.dotProduct(fit.beta);
            double half = t * fit.sd * Math.sqrt(1 + x.dotProduct(fit.inverse.operate(x)));
            points.add(new Point(day, mean, mean - half, mean + half));
            if (daysUntilHot == null && mean > hotThreshold) {
                daysUntilHot = k;
            }
        }
        return new Forecast(days, points, fit.beta.getEntry(1), seasonal, daysUntilHot, fit.sd, confidence);
    }

    private record Fit(RealVector beta, RealMatrix inverse, double sd) {}

    private static @Nullable Fit ols(List<DailyPeak> days, LocalDate origin, boolean seasonal) {
        double[] y = new double[days.size()];
        double[][] x = new double[days.size()][];
        for (int i = 0; i < days.size(); i++) {
            y[i] = days.get(i).p95();
            x[i] = row(days.get(i).day(), origin, seasonal, false);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        try {
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            RealMatrix inverse = MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance());
            double sd = beta.length < days.size() ? Math.sqrt(ols.estimateErrorVariance()) : 0;
            return new Fit(MatrixUtils.createRealVector(beta), inverse, sd);
        } catch (IllegalArgumentException singularOrTooFewRows) {
            return null;
        }
    }

    /** [1?, days since origin, Tue … Sun dummies?]: the intercept column only when asked (OLS adds its own). */
    static double[] row(LocalDate day, LocalDate origin, boolean seasonal, boolean intercept) {
        int width = (intercept ? 1 : 0) + 1 + (seasonal ? 6 : 0);
        double[] r = new double[width];
        int i = 0;
        if (intercept) {
            r[i++] = 1;
        }
        r[i++] = ChronoUnit.DAYS.between(origin, day);
        if (seasonal) {
            int dow = day.getDayOfWeek().getValue(); // Monday = 1
            if (dow > 1) {
                r[i + dow - 2] = 1;
            }
        }
        return r;
    }

    private static boolean everyWeekdayPresent(List<DailyPeak> days) {
        return days.stream().map(d -> d.day().getDayOfWeek()).distinct().count() == DayOfWeek.values().length;
    }
}
