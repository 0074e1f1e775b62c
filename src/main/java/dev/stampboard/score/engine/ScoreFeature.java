package dev.stampboard.score.engine;

import java.util.Locale;

/** The stamp score's inputs, in the model's order. Every value is computed by {@link FeatureTracker}. */
public enum ScoreFeature {
    /** Hot-node P95 of the REGISTRY pool over the trailing 12 h, in %. */
    P95_REGISTRY("hot-node P95 registry", "%"),
    /** Hot-node P95 of the DATAPROXY pool over the trailing 12 h, in %. */
    P95_DATAPROXY("hot-node P95 dataproxy", "%"),
    /** Least-squares slope of the hotter pool's hot-node minute values over the last 3 h, in points per hour. */
    HOT_SLOPE("hot-node slope (3 h)", "pp/h"),
    /** The hot threshold minus the higher of the two P95s, in points (negative above the threshold). */
    HEADROOM("headroom to threshold", "pp"),
    /** Throttled share of requests over the last 10 minutes, in %. */
    THROTTLING("throttling rate", "%"),
    /** 5xx share of requests over the last 10 minutes, in %. */
    ERRORS("5xx rate", "%"),
    /** Mean p99 pull latency of the last 10 minutes over its mean of the last 12 h (1 = as usual). */
    P99_VS_BASELINE("p99 vs own baseline", "×"),
    /** Minutes the longest reactive condition (throttling, 5xx, p99 above its rule's threshold) has held. */
    REACTIVE_MINUTES("reactive trigger sustained", "min"),
    /** The biggest customer's share of the stamp's requests over the last hour, in %. */
    TOP_CUSTOMER_SHARE("top customer's share", "%"),
    /** Requests of the last 24 h against the 24 h before, in % (0 until 48 h are known). */
    GROWTH("growth trend (day over day)", "%");

    private final String label;
    private final String unit;

    ScoreFeature(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The name used in the API and the model card ({@code p95_registry}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoreFeature ofKey(String key) {
        for (ScoreFeature f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + key + "'");
    }

    public static final int COUNT = values().length;
}
