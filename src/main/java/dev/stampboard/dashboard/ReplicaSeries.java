package dev.stampboard.dashboard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One replica's traffic and reactive signals per minute of the peak window. {@code null} marks a minute
 * without a value. Throttling is in percent, bytes in GB (10^9) per minute.
 */
public record ReplicaSeries(
        String region,
        String homeStamp,
        String window,
        List<Minute> minutes,
        @Nullable Double throttlingLimitPercent,
        @Nullable Double p99LimitMs) {

    public record Minute(
            long epochMinute,
            @Nullable Double requests,
            @Nullable Double gigabytes,
            @Nullable Double p99Ms,
            @Nullable Double throttlingPercent) {}

    public boolean hasData() {
        return minutes.stream().anyMatch(m -> m.requests() != null);
    }
}
