package dev.stampboard.signals;

import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.ReactiveRule;
import dev.stampboard.signals.engine.ScoreRule;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a region's triggers are judged by (issue 16 item 6): its peak window (trailing N minutes or a fixed
 * daily window), its reactive rules (throttling, 5xx, p99 latency, each a threshold held for N minutes) and
 * its score rule. Rates are in percent here, as people type them; the engine's rules take fractions.
 * Valid by construction: {@link RegionSettingsInput#validate} says what is wrong with an input, field by field.
 */
public record RegionSignalSettings(
        PeakWindow peakWindow,
        double throttlingPercent,
        int throttlingMinutes,
        double errorPercent,
        int errorMinutes,
        double p99LatencyMs,
        int p99Minutes,
        double scoreThreshold,
        int scoreMinutes) {

    public RegionSignalSettings {
        Objects.requireNonNull(peakWindow, "peakWindow");
        List<String> problems = RegionSettingsInput.of(
                        peakWindow,
                        throttlingPercent,
                        throttlingMinutes,
                        errorPercent,
                        errorMinutes,
                        p99LatencyMs,
                        p99Minutes,
                        scoreThreshold,
                        scoreMinutes)
                .problems()
                .stream()
                .map(RegionSettingsInput.Problem::toString)
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The engine's rules, named as the dashboard shows them. */
    public List<ReactiveRule> reactiveRules() {
        return List.of(
                new ReactiveRule(
                        "throttling", ReactiveMetric.THROTTLING_RATE, throttlingPercent / 100, throttlingMinutes),
                new ReactiveRule("5xx burst", ReactiveMetric.ERROR_RATE, errorPercent / 100, errorMinutes),
                new ReactiveRule("p99 latency", ReactiveMetric.P99_LATENCY_MS, p99LatencyMs, p99Minutes));
    }

    public ScoreRule scoreRule() {
        return new ScoreRule(scoreThreshold, scoreMinutes);
    }

    /** One line for the audit log: every field, so two lines show what changed. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "peak window %s; throttling > %s %% for %d min; 5xx > %s %% for %d min; p99 > %s ms for %d min;"
                        + " score >= %s for %d min",
                describe(peakWindow),
                plain(throttlingPercent),
                throttlingMinutes,
                plain(errorPercent),
                errorMinutes,
                plain(p99LatencyMs),
                p99Minutes,
                plain(scoreThreshold),
                scoreMinutes);
    }

    /** "trailing 720 min" or "daily 08:00–20:00 Europe/Amsterdam". */
    public static String describe(PeakWindow window) {
        if (window instanceof PeakWindow.DailyFixed d) {
            return "daily " + d.start() + "–" + d.end() + " " + d.zone().getId();
        }
        return "trailing " + ((PeakWindow.Trailing) window).minutes() + " min";
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
