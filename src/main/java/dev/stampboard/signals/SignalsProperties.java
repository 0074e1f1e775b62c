package dev.stampboard.signals;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.signals.*}: defaults for thresholds, the peak window, the reactive rules and the score rule.
 * Admins change thresholds at runtime, and give a region its own window and rules (both in Settings).
 */
@ConfigurationProperties("stampboard.signals")
record SignalsProperties(
        double hotThreshold,
        double warnThreshold,
        int windowMinutes,
        @Nullable LocalTime dailyWindowStart,
        @Nullable LocalTime dailyWindowEnd,
        @Nullable String dailyWindowZone,
        double throttlingPercent,
        int throttlingMinutes,
        double errorPercent,
        int errorMinutes,
        double p99LatencyMs,
        int p99Minutes,
        double scoreThreshold,
        int scoreMinutes) {

    SignalsProperties {
        if (hotThreshold <= 0) {
            hotThreshold = 45.0;
        }
        if (warnThreshold <= 0) {
            warnThreshold = 40.0;
        }
        if (windowMinutes <= 0) {
            windowMinutes = 720;
        }
        if (throttlingPercent <= 0) {
            throttlingPercent = 2.0;
        }
        if (throttlingMinutes <= 0) {
            throttlingMinutes = 10;
        }
        if (errorPercent <= 0) {
            errorPercent = 5.0;
        }
        if (errorMinutes <= 0) {
            errorMinutes = 5;
        }
        if (p99LatencyMs <= 0) {
            p99LatencyMs = 2000.0;
        }
        if (p99Minutes <= 0) {
            p99Minutes = 10;
        }
        if (scoreThreshold <= 0) {
            scoreThreshold = 70.0;
        }
        if (scoreMinutes <= 0) {
            scoreMinutes = 10;
        }
    }
}
