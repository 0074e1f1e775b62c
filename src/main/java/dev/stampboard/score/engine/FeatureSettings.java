package dev.stampboard.score.engine;

/**
 * What the features measure against: the hot threshold (for the headroom) and the reactive rules' thresholds and
 * sustained minutes (for the sustained-minutes feature and the baseline rule), as DESIGN §2's defaults.
 */
public record FeatureSettings(
        double hotThreshold,
        double throttlingRate,
        int throttlingMinutes,
        double errorRate,
        int errorMinutes,
        double p99Ms,
        int p99Minutes) {

    public static final FeatureSettings DEFAULTS = new FeatureSettings(45.0, 0.02, 10, 0.05, 5, 2000.0, 10);

    public FeatureSettings {
        if (!Double.isFinite(hotThreshold) || throttlingMinutes < 1 || errorMinutes < 1 || p99Minutes < 1) {
            throw new IllegalArgumentException("a finite threshold and sustained minutes of at least 1 are needed");
        }
    }

    public FeatureSettings withHotThreshold(double threshold) {
        return new FeatureSettings(
                threshold, throttlingRate, throttlingMinutes, errorRate, errorMinutes, p99Ms, p99Minutes);
    }
}
