package dev.stampboard.score;

import dev.stampboard.score.engine.Contribution;
import dev.stampboard.score.engine.ScoreModel;
import java.util.List;

/**
 * A stamp's latest score (0–100) by model {@code version}, scored at {@code minute} (epoch minute) from the minutes
 * up to the one before, and the features it was scored from. Its {@link #breakdown()}: contributions that with
 * {@link #intercept()} make {@link #logit()}, computed when asked (scoring every stamp each minute does not build it).
 */
public final class StampScore {

    private final String stamp;
    private final double score;
    private final double logit;
    private final int version;
    private final long minute;
    private final ScoreModel model;
    private final double[] features;

    StampScore(
            String stamp, double score, double logit, int version, long minute, ScoreModel model, double[] features) {
        this.stamp = stamp;
        this.score = score;
        this.logit = logit;
        this.version = version;
        this.minute = minute;
        this.model = model;
        this.features = features.clone();
    }

    public String stamp() {
        return stamp;
    }

    public double score() {
        return score;
    }

    public double logit() {
        return logit;
    }

    public double intercept() {
        return model.intercept();
    }

    public int version() {
        return version;
    }

    public long minute() {
        return minute;
    }

    public List<Contribution> breakdown() {
        return model.breakdown(features);
    }
}
