package dev.stampboard.signals.engine;

import java.util.List;
import java.util.Objects;

/**
 * Thresholds, peak window, reactive rules and how much history the engine keeps.
 *
 * @param hotThreshold     a pool is HOT when its hot-node P95 is strictly above this (CPU %)
 * @param warnThreshold    a pool is WARN when its P95 is at or above this and not HOT
 * @param retentionMinutes minutes of CPU and traffic history kept; must cover the peak window and the longest
 *                         reactive rule. The 4-argument constructor picks the smallest value that does.
 */
public record SignalSettings(
        double hotThreshold,
        double warnThreshold,
        PeakWindow peakWindow,
        List<ReactiveRule> reactiveRules,
        int retentionMinutes) {

    public static final double DEFAULT_HOT_THRESHOLD = 45.0;
    public static final double DEFAULT_WARN_THRESHOLD = 40.0;

    public SignalSettings {
        if (!Double.isFinite(hotThreshold) || !Double.isFinite(warnThreshold)) {
            throw new IllegalArgumentException("thresholds must be finite numbers");
        }
        if (warnThreshold > hotThreshold) {
            throw new IllegalArgumentException(
                    "warnThreshold " + warnThreshold + " is above hotThreshold " + hotThreshold);
        }
        Objects.requireNonNull(peakWindow, "peakWindow");
        reactiveRules = List.copyOf(reactiveRules);
        int needed = requiredRetention(peakWindow, reactiveRules);
        if (retentionMinutes < needed) {
            throw new IllegalArgumentException("retentionMinutes " + retentionMinutes
                    + " is too short: the peak window " + "and reactive rules need at least " + needed);
        }
    }

    /** Retention chosen automatically: just enough for the peak window and the longest reactive rule. */
    public SignalSettings(
            double hotThreshold, double warnThreshold, PeakWindow peakWindow, List<ReactiveRule> reactiveRules) {
        this(hotThreshold, warnThreshold, peakWindow, reactiveRules, requiredRetention(peakWindow, reactiveRules));
    }

    /** 45 % / 40 %, trailing 12 h, throttling &gt; 2 % for 10 min, 5xx &gt; 5 % for 5 min, p99 &gt; 2000 ms for 10 min. */
    public static SignalSettings defaults() {
        return new SignalSettings(
                DEFAULT_HOT_THRESHOLD, DEFAULT_WARN_THRESHOLD, PeakWindow.trailing12Hours(), defaultReactiveRules());
    }

    public static List<ReactiveRule> defaultReactiveRules() {
        return List.of(
                new ReactiveRule("throttling", ReactiveMetric.THROTTLING_RATE, 0.02, 10),
                new ReactiveRule("5xx burst", ReactiveMetric.ERROR_RATE, 0.05, 5),
                new ReactiveRule("p99 latency", ReactiveMetric.P99_LATENCY_MS, 2000.0, 10));
    }

    public SignalSettings withThresholds(double hot, double warn) {
        return new SignalSettings(hot, warn, peakWindow, reactiveRules, retentionMinutes);
    }

    /** Retention is re-derived for the new window (grows or shrinks to what is needed). */
    public SignalSettings withPeakWindow(PeakWindow window) {
        return new SignalSettings(hotThreshold, warnThreshold, window, reactiveRules);
    }

    public SignalSettings withReactiveRules(List<ReactiveRule> rules) {
        return new SignalSettings(
                hotThreshold,
                warnThreshold,
                peakWindow,
                rules,
                Math.max(retentionMinutes, requiredRetention(peakWindow, rules)));
    }

    public SignalSettings withRetentionMinutes(int minutes) {
        return new SignalSettings(hotThreshold, warnThreshold, peakWindow, reactiveRules, minutes);
    }

    public static int requiredRetention(PeakWindow window, List<ReactiveRule> rules) {
        int needed = window.requiredRetentionMinutes();
        for (ReactiveRule rule : rules) {
            needed = Math.max(needed, rule.sustainedMinutes());
        }
        return needed;
    }

    PoolState stateOf(double p95) {
        if (p95 > hotThreshold) {
            return PoolState.HOT;
        }
        return p95 >= warnThreshold ? PoolState.WARN : PoolState.OK;
    }
}
