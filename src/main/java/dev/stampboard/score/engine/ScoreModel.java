package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted (or hand-pinned) logistic model over the {@link ScoreFeature}s: each feature is standardised with the
 * training mean and standard deviation, z = (x − mean) / scale; the logit is intercept + Σ weight · z; the
 * probability is 1 / (1 + e^−logit), shown as a score 0–100. A feature's contribution is weight · z, so the
 * contributions plus the intercept are the logit.
 */
public record ScoreModel(double[] means, double[] scales, double[] weights, double intercept) {

    public ScoreModel {
        int n = ScoreFeature.COUNT;
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("a model needs " + n + " means, scales and weights");
        }
        for (int i = 0; i < n; i++) {
            if (!(scales[i] > 0) || !Double.isFinite(means[i]) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException(
                        "feature " + ScoreFeature.values()[i].key() + ": finite mean and weight, scale above 0");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("the intercept must be a finite number");
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public double weight(ScoreFeature f) {
        return weights[f.ordinal()];
    }

    /** The same standardisation and intercept with other weights (an admin's pinned weights). */
    public ScoreModel withWeights(double[] newWeights) {
        return new ScoreModel(means, scales, newWeights, intercept);
    }

    /** The logit of a feature vector in {@link ScoreFeature} order; allocation-free. */
    public double logit(double[] features) {
        double logit = intercept;
        for (int i = 0; i < weights.length; i++) {
            logit += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return logit;
    }

    /** The probability of an incident within the horizon, in [0, 1]. */
    public double probability(double[] features) {
        return 1.0 / (1.0 + Math.exp(-logit(features)));
    }

    /** The probability as a score 0–100. */
    public double score(double[] features) {
        return 100.0 * probability(features);
    }

    /** Each feature's value and contribution (weight · standardised value), in {@link ScoreFeature} order. */
    public List<Contribution> breakdown(double[] features) {
        List<Contribution> out = new ArrayList<>(weights.length);
        for (ScoreFeature f : ScoreFeature.values()) {
            int i = f.ordinal();
            out.add(new Contribution(f, features[i], weights[i] * (features[i] - means[i]) / scales[i]));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreModel m
                && Arrays.equals(means, m.means)
                && Arrays.equals(scales, m.scales)
                && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "ScoreModel[weights=" + Arrays.toString(weights) + ", intercept=" + intercept + "]";
    }
}
