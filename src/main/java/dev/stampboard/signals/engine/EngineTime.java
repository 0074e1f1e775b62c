package dev.stampboard.signals.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The engine's time and windows: its current minute, its settings, the stamps whose region has a peak window of
 * its own, and the time checks every sample goes through. Not thread-safe on its own: {@link SignalEngine} calls it
 * under its lock.
 */
final class EngineTime {

    private SignalSettings settings;
    private long now;
    /** Stamps whose region has a peak window other than {@link SignalSettings#peakWindow()}. */
    private final Map<String, PeakWindow> stampWindows = new HashMap<>();

    EngineTime(SignalSettings settings, long nowMinute) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.now = nowMinute;
    }

    SignalSettings settings() {
        return settings;
    }

    void settings(SignalSettings newSettings) {
        this.settings = newSettings;
    }

    long now() {
        return now;
    }

    void now(long nowMinute) {
        this.now = nowMinute;
    }

    int retentionMinutes() {
        return settings.retentionMinutes();
    }

    long oldestRetained() {
        return now - settings.retentionMinutes() + 1;
    }

    /** Minutes of the trailing window kept incrementally, or 0 for a daily window (computed on demand). */
    int windowMinutes() {
        return settings.peakWindow() instanceof PeakWindow.Trailing trailing ? trailing.minutes() : 0;
    }

    boolean hasOwnWindow(String stamp) {
        return stampWindows.containsKey(stamp);
    }

    /** The stamp's peak window: its own, else the default. */
    PeakWindow peakWindowOf(String stamp) {
        return stampWindows.getOrDefault(stamp, settings.peakWindow());
    }

    void setStampPeakWindow(String stamp, @Nullable PeakWindow window) {
        if (window != null && window.requiredRetentionMinutes() > settings.retentionMinutes()) {
            throw new IllegalArgumentException("the peak window of '" + stamp + "' needs "
                    + window.requiredRetentionMinutes() + " minutes of retention, the engine keeps "
                    + settings.retentionMinutes());
        }
        if (window == null || window.equals(settings.peakWindow())) {
            stampWindows.remove(stamp);
        } else {
            stampWindows.put(stamp, window);
        }
    }

    /** The default peak window now, clamped to what is retained. */
    MinuteRange retainedPeakRange() {
        return clamp(settings.peakWindow().rangeAt(now));
    }

    /** The stamp's peak window now, clamped to what is retained. */
    MinuteRange retainedPeakRange(String stamp) {
        return clamp(peakWindowOf(stamp).rangeAt(now));
    }

    private MinuteRange clamp(MinuteRange range) {
        // Settings validation guarantees retention covers the window; the clamp is a guard, not a rule.
        return new MinuteRange(Math.max(range.fromMinute(), oldestRetained()), range.toMinute());
    }

    /**
     * The time check every sample goes through: null when {@code minute} is neither in the future nor older than
     * retention. {@code futureHint} is added to the message for a future minute.
     */
    @Nullable
    SampleVerdict timeProblem(long minute, String futureHint) {
        if (minute > now) {
            return SampleVerdict.reject(SampleVerdict.Cause.FUTURE, inFuture(minute) + futureHint);
        }
        if (minute < oldestRetained()) {
            return SampleVerdict.reject(SampleVerdict.Cause.TOO_OLD, olderThanRetention(minute));
        }
        return null;
    }

    // Rejection reasons reach operators through the ingestion API: minutes are printed as ISO-8601 instants.

    private String inFuture(long minute) {
        return "minute " + instant(minute) + " is in the future (now is " + instant(now) + ")";
    }

    private String olderThanRetention(long minute) {
        return "minute " + instant(minute) + " is older than the retention of " + settings.retentionMinutes()
                + " minutes (oldest kept: " + instant(oldestRetained()) + ")";
    }

    static Instant instant(long epochMinute) {
        return Instant.ofEpochSecond(epochMinute * 60);
    }
}
