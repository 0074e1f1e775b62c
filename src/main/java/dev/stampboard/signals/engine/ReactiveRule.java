package dev.stampboard.signals.engine;

import java.util.Objects;

/**
 * Fires when {@code metric} is strictly above {@code threshold} in each of the last {@code sustainedMinutes}
 * minutes, ending at the engine's current minute. A minute without a value breaks the streak.
 */
public record ReactiveRule(String name, ReactiveMetric metric, double threshold, int sustainedMinutes) {

    public ReactiveRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reactive rule needs a name");
        }
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("rule '" + name + "': threshold must be a finite number");
        }
        if (sustainedMinutes < 1) {
            throw new IllegalArgumentException("rule '" + name + "': sustainedMinutes must be at least 1");
        }
    }
}
