package dev.stampboard.calibration.engine;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A linear fit y ≈ β₀ + Σ βⱼ·xⱼ that a few wild points cannot drag: Huber M-estimation by iteratively reweighted
 * least squares, each pass solved by Commons Math's {@link OLSMultipleLinearRegression} on rows scaled by the square
 * root of their weights. Points within {@value #HUBER_K} robust standard deviations (MAD-based) keep weight 1;
 * farther ones are down-weighted in proportion to their distance. The standard errors are those of the last
 * weighted pass, so a caller can tell a coefficient the data pin down from one they barely touch.
 */
final class RobustRegression {

    static final double HUBER_K = 1.345;
    private static final int PASSES = 20;

    /** {@code coefficients[0]} is the intercept when one was fitted (else 0); then one per column of x. */
    record Fit(double[] coefficients, double[] standardErrors) {}

    private RobustRegression() {}

    static Fit fit(double[][] x, double[] y, boolean withIntercept) {
        int n = y.length;
        int columns = n == 0 ? 0 : x[0].length;
        int k = columns + (withIntercept ? 1 : 0);
        if (n < k + 1) {
            throw new IllegalArgumentException("need at least " + (k + 1) + " points, have " + n);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        double[] beta = new double[k];
        double[] errors = new double[k];
        for (int pass = 0; pass < PASSES; pass++) {
            double[][] rows = new double[n][k];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double s = Math.sqrt(w[i]);
                int j = 0;
                if (withIntercept) {
                    rows[i][j++] = s;
                }
                for (int c = 0; c < columns; c++) {
                    rows[i][j++] = s * x[i][c];
                }
                ys[i] = s * y[i];
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.setNoIntercept(true); // the intercept column, when wanted, is scaled with its row
            ols.newSampleData(ys, rows);
            double[] next = ols.estimateRegressionParameters();
            errors = ols.estimateRegressionParametersStandardErrors();
            double[] residuals = new double[n];
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int j = 0; j < k; j++) {
                    fitted += next[j] * (withIntercept && j == 0 ? 1 : x[i][withIntercept ? j - 1 : j]);
                }
                residuals[i] = y[i] - fitted;
            }
            double scale = 1.4826 * RobustLine.median(abs(residuals));
            boolean converged = pass > 0 && maxChange(next, beta) < 1e-9;
            beta = next;
            if (converged || scale == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double u = Math.abs(residuals[i]) / (HUBER_K * scale);
                w[i] = u <= 1 ? 1.0 : 1.0 / u;
            }
        }
        if (withIntercept) {
            return new Fit(beta, errors);
        }
        double[] withZero = new double[k + 1];
        double[] errorsWithZero = new double[k + 1];
        System.arraycopy(beta, 0, withZero, 1, k);
        System.arraycopy(errors, 0, errorsWithZero, 1, k);
        return new Fit(withZero, errorsWithZero);
    }

    private static double maxChange(double[] next, double[] previous) {
        double max = 0;
        for (int j = 0; j < next.length; j++) {
            max = Math.max(max, Math.abs(next[j] - previous[j]) / (1 + Math.abs(previous[j])));
        }
        return max;
    }

    private static double[] abs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.abs(v[i]);
        }
        return out;
    }
}
