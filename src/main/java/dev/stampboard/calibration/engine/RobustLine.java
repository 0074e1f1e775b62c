package dev.stampboard.calibration.engine;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A straight-line fit that a few wild points cannot drag: Huber M-estimation by iteratively reweighted least squares,
 * each pass solved by Commons Math's {@link OLSMultipleLinearRegression} on rows scaled by the square root of their
 * weights. Points within {@value #HUBER_K} robust standard deviations (MAD-based) keep weight 1; farther ones are
 * down-weighted in proportion to their distance.
 */
public final class RobustLine {

    static final double HUBER_K = 1.345;
    private static final int PASSES = 20;

    /** y ≈ intercept + slope · x (or slope · x only, when {@code withIntercept} is false). */
    public record Fit(double intercept, double slope, int points) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    private RobustLine() {
    }

    public static Fit fit(double[] x, double[] y, boolean withIntercept) {
        int n = x.length;
        int k = withIntercept ? 2 : 1;
        if (n < k + 1) {
            throw new IllegalArgumentException("need at least " + (k + 1) + " points, have " + n);
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        double[] beta = new double[k];
        for (int pass = 0; pass < PASSES; pass++) {
            double[][] rows = new double[n][k];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double s = Math.sqrt(w[i]);
                if (withIntercept) {
                    rows[i][0] = s;
                    rows[i][1] = s * x[i];
                } else {
                    rows[i][0] = s * x[i];
                }
                ys[i] = s * y[i];
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.setNoIntercept(true); // the intercept column, when wanted, is scaled with its row
            ols.newSampleData(ys, rows);
            double[] next = ols.estimateRegressionParameters();
            double[] residuals = new double[n];
            for (int i = 0; i < n; i++) {
                residuals[i] = y[i] - (withIntercept ? next[0] + next[1] * x[i] : next[0] * x[i]);
            }
            double scale = 1.4826 * median(abs(residuals));
            boolean converged = pass > 0 && Math.abs(next[k - 1] - beta[k - 1]) < 1e-9 * (1 + Math.abs(beta[k - 1]));
            beta = next;
            if (converged || scale == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double u = Math.abs(residuals[i]) / (HUBER_K * scale);
                w[i] = u <= 1 ? 1.0 : 1.0 / u;
            }
        }
        return withIntercept ? new Fit(beta[0], beta[1], n) : new Fit(0, beta[0], n);
    }

    private static double[] abs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.abs(v[i]);
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
