package dev.stampboard.score.engine;

/** One feature of a score's breakdown: its value (in the feature's unit) and its contribution to the logit. */
public record Contribution(ScoreFeature feature, double value, double contribution) {}
