package dev.stampboard.capacity.change;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.capacity.change.*}.
 *
 * @param validation how long a change is watched after it was applied (24 h)
 * @param settle     how long after it was applied the watch may first fail it on P95 (fewer minutes say little)
 * @param marginPp   target = the hot threshold − this margin (the planner's target)
 */
@ConfigurationProperties("stampboard.capacity.change")
public record CapacityChangeProperties(
        @Nullable Duration validation, @Nullable Duration settle, double marginPp) {

    public CapacityChangeProperties {
        if (validation == null) {
            validation = Duration.ofHours(24);
        }
        if (settle == null) {
            settle = Duration.ofHours(2);
        }
        if (marginPp <= 0) {
            marginPp = 5;
        }
        if (validation.isNegative() || validation.isZero() || settle.isNegative()) {
            throw new IllegalArgumentException("stampboard.capacity.change.validation must be positive, settle >= 0");
        }
    }

    public Duration validationWindow() {
        return java.util.Objects.requireNonNull(validation);
    }

    public Duration settleTime() {
        return java.util.Objects.requireNonNull(settle);
    }
}
