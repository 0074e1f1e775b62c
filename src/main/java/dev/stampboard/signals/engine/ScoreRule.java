package dev.stampboard.signals.engine;

/**
 * The score trigger: the stamp score (0–100) at or above {@code threshold} in each of the last
 * {@code sustainedMinutes} scored minutes.
 */
public record ScoreRule(double threshold, int sustainedMinutes) {

    public static final double DEFAULT_THRESHOLD = 70.0;
    public static final int DEFAULT_MINUTES = 10;

    public ScoreRule {
        if (!Double.isFinite(threshold) || threshold <= 0 || threshold > 100) {
            throw new IllegalArgumentException("score threshold must be above 0 and at most 100, got " + threshold);
        }
        if (sustainedMinutes < 1) {
            throw new IllegalArgumentException("score minutes must be at least 1, got " + sustainedMinutes);
        }
    }

    public static ScoreRule defaults() {
        return new ScoreRule(DEFAULT_THRESHOLD, DEFAULT_MINUTES);
    }
}
