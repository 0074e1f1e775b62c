package dev.stampboard.calibration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustLineTest {

    @Test
    void a_few_wild_points_do_not_drag_the_line() {
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 5 + 2 * i + ((i * 7919) % 11 - 5) * 0.1; // small deterministic scatter
        }
        for (int i = 90; i < n; i++) {
            y[i] += 400; // a burst the fit must not follow
        }
        RobustLine.Fit robust = RobustLine.fit(x, y, true);
        assertThat(robust.intercept()).isCloseTo(5.0, within(0.5));
        assertThat(robust.slope()).isCloseTo(2.0, within(0.02));
        // ordinary least squares on the same points is pulled far off (the reason for the robust fit)
        org.apache.commons.math3.stat.regression.SimpleRegression ols =
                new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < n; i++) {
            ols.addData(x[i], y[i]);
        }
        assertThat(Math.abs(ols.getSlope() - 2.0)).isGreaterThan(1.0);
    }

    @Test
    void through_the_origin_when_asked() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1.5, 3.0, 4.5, 6.0, 7.5, 9.0};
        RobustLine.Fit fit = RobustLine.fit(x, y, false);
        assertThat(fit.intercept()).isZero();
        assertThat(fit.slope()).isCloseTo(1.5, within(1e-9));
    }
}
