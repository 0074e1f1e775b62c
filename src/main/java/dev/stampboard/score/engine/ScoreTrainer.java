package dev.stampboard.score.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the score's logistic regression with Tribuo ({@link LinearSGDTrainer}, log loss, AdaGrad) on the usable rows
 * of simulated histories. Features are standardised first with the rows' mean and standard deviation, so the
 * weights are per standard deviation and comparable. Tribuo fits one weight vector per class (incident, calm) under a
 * softmax; for two classes their difference is exactly the logistic regression's weights and intercept, checked
 * against Tribuo's own probabilities on the first rows. Same rows and seed, same weights.
 */
public final class ScoreTrainer {

    static final String INCIDENT = "incident";
    static final String CALM = "calm";

    /** Epochs, AdaGrad's initial learning rate, and the seed of Tribuo's shuffling (defaults: Tribuo's logistic regression). */
    public record Options(int epochs, double learningRate, long seed) {
        public static final Options DEFAULTS = new Options(5, 1.0, 16L);

        public Options {
            if (epochs < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("at least one epoch and a learning rate above 0");
            }
        }
    }

    private ScoreTrainer() {}

    public static ScoreModel fit(List<SimulatedHistory> histories, Options options) {
        int f = ScoreFeature.COUNT;
        List<double[]> rows = new ArrayList<>();
        List<Boolean> positive = new ArrayList<>();
        for (SimulatedHistory h : histories) {
            for (int s = 0; s < h.stamps(); s++) {
                for (int r = 0; r < h.rows(); r++) {
                    byte t = h.target(s, r);
                    if (t >= 0) {
                        double[] row = new double[f];
                        h.features(s, r, row);
                        rows.add(row);
                        positive.add(t == 1);
                    }
                }
            }
        }
        if (rows.isEmpty() || !positive.contains(Boolean.TRUE) || !positive.contains(Boolean.FALSE)) {
            throw new IllegalStateException("training needs rows with and without an incident ahead; got " + rows.size()
                    + " rows, " + positive.stream().filter(b -> b).count() + " with an incident");
        }
        double[] means = new double[f];
        double[] scales = new double[f];
        for (double[] row : rows) {
            for (int i = 0; i < f; i++) {
                means[i] += row[i];
            }
        }
        for (int i = 0; i < f; i++) {
            means[i] /= rows.size();
        }
        for (double[] row : rows) {
            for (int i = 0; i < f; i++) {
                scales[i] += (row[i] - means[i]) * (row[i] - means[i]);
            }
        }
        for (int i = 0; i < f; i++) {
            double sd = Math.sqrt(scales[i] / rows.size());
            scales[i] = sd > 1e-9 ? sd : 1.0; // a constant feature stays as it is (its weight will be 0)
        }

        String[] names = new String[f];
        for (ScoreFeature feature : ScoreFeature.values()) {
            names[feature.ordinal()] = feature.key();
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("simulated stamp history", labels), labels);
        Label incident = new Label(INCIDENT);
        Label calm = new Label(CALM);
        List<Example<Label>> firstRows = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            double[] z = standardised(rows.get(k), means, scales);
            Example<Label> example = new ArrayExample<>(positive.get(k) ? incident : calm, names, z);
            dataset.add(example);
            if (firstRows.size() < 20) {
                firstRows.add(example);
            }
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(options.learningRate(), 0.1), options.epochs(), -1, 1, options.seed());
        LinearSGDModel fitted = (LinearSGDModel) trainer.train(dataset);

        DenseMatrix w = fitted.getWeightsCopy(); // [class][feature ids..., bias]
        int incidentId = fitted.getOutputIDInfo().getID(incident);
        int calmId = fitted.getOutputIDInfo().getID(calm);
        double[] weights = new double[f];
        for (ScoreFeature feature : ScoreFeature.values()) {
            int id = fitted.getFeatureIDMap().getID(feature.key());
            weights[feature.ordinal()] = id < 0 ? 0.0 : w.get(incidentId, id) - w.get(calmId, id);
        }
        int bias = w.getDimension2Size() - 1;
        double intercept = w.get(incidentId, bias) - w.get(calmId, bias);
        ScoreModel model = new ScoreModel(means, scales, weights, intercept);
        check(model, fitted, firstRows, rows, incident);
        return model;
    }

    /** Our logit must give Tribuo's probabilities, or the weights were read wrongly. */
    private static void check(
            ScoreModel model,
            LinearSGDModel fitted,
            List<Example<Label>> examples,
            List<double[]> rows,
            Label incident) {
        for (int k = 0; k < examples.size(); k++) {
            Prediction<Label> p = fitted.predict(examples.get(k));
            Map<String, Label> scores = p.getOutputScores();
            Label scored = scores.get(incident.getLabel());
            if (scored == null) {
                throw new IllegalStateException("Tribuo's prediction has no score for " + incident.getLabel());
            }
            double tribuo = scored.getScore();
            double ours = model.probability(rows.get(k));
            if (Math.abs(tribuo - ours) > 1e-6) {
                throw new IllegalStateException(
                        "the score model disagrees with Tribuo's: " + ours + " against " + tribuo);
            }
        }
    }

    static double[] standardised(double[] row, double[] means, double[] scales) {
        double[] z = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            z[i] = (row[i] - means[i]) / scales[i];
        }
        return z;
    }
}
