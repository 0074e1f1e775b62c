package dev.stampboard.calibration.engine;

/**
 * A straight-line fit that a few wild points cannot drag: {@link RobustRegression} (Huber M-estimation on Commons
 * Math's least squares) with one column.
 */
public final class RobustLine {

    /** y ≈ intercept + slope · x (or slope · x only, when {@code withIntercept} is false). */
    public record Fit(double intercept, double slope, int points) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    private RobustLine() {}

    public static Fit fit(double[] x, double[] y, boolean withIntercept) {
        double[][] column = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            column[i] = new double[] {x[i]};
        }
        RobustRegression.Fit fit = RobustRegression.fit(column, y, withIntercept);
        return new Fit(fit.coefficients()[0], fit.coefficients()[1], x.length);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
