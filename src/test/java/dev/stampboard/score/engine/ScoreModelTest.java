package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreModelTest {

    @Test
    void contributions_plus_the_intercept_add_up_to_the_logit_of_the_score() {
        double[] means = {40, 50, 0, -5, 0.1, 0.1, 1, 1, 50, 0};
        double[] scales = {10, 20, 2, 15, 0.5, 0.4, 0.2, 5, 20, 4};
        double[] weights = {0.5, 1.2, 0.3, -0.8, 0.4, 0.1, 0.2, 0.6, -0.1, 0.25};
        ScoreModel model = new ScoreModel(means, scales, weights, -4.0);
        double[] x = {55, 80, 1.5, -35, 0.8, 0.2, 1.4, 12, 70, 3};

        // independently, by hand: z = (x - mean) / scale, contribution = w z
        double[] expected = new double[10];
        double logit = -4.0;
        for (int i = 0; i < 10; i++) {
            expected[i] = weights[i] * (x[i] - means[i]) / scales[i];
            logit += expected[i];
        }
        List<Contribution> breakdown = model.breakdown(x);
        for (int i = 0; i < 10; i++) {
            assertThat(breakdown.get(i).feature()).isEqualTo(ScoreFeature.values()[i]);
            assertThat(breakdown.get(i).value()).isEqualTo(x[i]);
            assertThat(breakdown.get(i).contribution()).isCloseTo(expected[i], within(1e-12));
        }
        double sum = -4.0
                + breakdown.stream().mapToDouble(Contribution::contribution).sum();
        assertThat(sum).isCloseTo(logit, within(1e-12));
        // p = 1 / (1 + e^-logit); the probability's log-odds is the logit
        double p = model.probability(x);
        assertThat(Math.log(p / (1 - p))).isCloseTo(sum, within(1e-9));
        assertThat(model.score(x)).isCloseTo(100 * p, within(1e-12));
    }

    @Test
    void pinned_weights_keep_the_standardisation_and_intercept() {
        ScoreModel model = new ScoreModel(new double[10], fill(1), fill(0.5), 1.0);
        ScoreModel pinned = model.withWeights(fill(0.0));
        assertThat(pinned.probability(fill(3))).isCloseTo(1 / (1 + Math.exp(-1.0)), within(1e-12));
        assertThat(pinned.means()).containsExactly(model.means());
    }

    private static double[] fill(double v) {
        double[] a = new double[ScoreFeature.COUNT];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
