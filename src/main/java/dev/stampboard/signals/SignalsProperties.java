package dev.stampboard.signals;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code stampboard.signals.*}: defaults for thresholds and the peak window (admins may change thresholds at runtime). */
@ConfigurationProperties("stampboard.signals")
record SignalsProperties(
        double hotThreshold,
        double warnThreshold,
        int windowMinutes,
        @Nullable LocalTime dailyWindowStart,
        @Nullable LocalTime dailyWindowEnd,
        @Nullable String dailyWindowZone) {

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
    }
}
