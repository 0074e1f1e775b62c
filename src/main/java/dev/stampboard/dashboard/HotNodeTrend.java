package dev.stampboard.dashboard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pool's hot-node trend over the peak window: the minute values and, for each minute, the rolling P95 of
 * the trailing window ending there. Values are CPU %; {@code null} marks a minute without a value.
 */
public record HotNodeTrend(List<Minute> minutes, double hotThreshold, double warnThreshold, String window) {

    public record Minute(
            long epochMinute,
            @Nullable Double hotNode,
            @Nullable Double rollingP95) {}

    public boolean hasData() {
        return minutes.stream().anyMatch(m -> m.hotNode() != null);
    }
}
