package dev.stampboard.signals;

import dev.stampboard.signals.engine.PeakWindow;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A region's signal settings as the settings form and the API send them: every field may be missing or
 * wrong, and {@link #problems()} names each field that is, with what to do. {@code peakWindow} is
 * {@code TRAILING} (with {@code windowMinutes}) or {@code DAILY} (with {@code dailyStart}, {@code dailyEnd}
 * as {@code HH:mm} and {@code dailyZone}, e.g. {@code Europe/Amsterdam}).
 */
public record RegionSettingsInput(
        @Nullable String peakWindow,
        @Nullable Integer windowMinutes,
        @Nullable String dailyStart,
        @Nullable String dailyEnd,
        @Nullable String dailyZone,
        @Nullable Double throttlingPercent,
        @Nullable Integer throttlingMinutes,
        @Nullable Double errorPercent,
        @Nullable Integer errorMinutes,
        @Nullable Double p99LatencyMs,
        @Nullable Integer p99Minutes,
        @Nullable Double scoreThreshold,
        @Nullable Integer scoreMinutes) {

    public static final int MAX_WINDOW_MINUTES = 24 * 60;
    public static final int MAX_REACTIVE_MINUTES = 240;

    /** A field and what is wrong with it; {@code toString} is "field: message". */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The form and API shape of valid settings (the inverse of {@link #toSettings()}). */
    public static RegionSettingsInput of(RegionSignalSettings s) {
        return of(
                s.peakWindow(),
                s.throttlingPercent(),
                s.throttlingMinutes(),
                s.errorPercent(),
                s.errorMinutes(),
                s.p99LatencyMs(),
                s.p99Minutes(),
                s.scoreThreshold(),
                s.scoreMinutes());
    }

    static RegionSettingsInput of(
            PeakWindow window,
            double throttlingPercent,
            int throttlingMinutes,
            double errorPercent,
            int errorMinutes,
            double p99LatencyMs,
            int p99Minutes,
            double scoreThreshold,
            int scoreMinutes) {
        boolean daily = window instanceof PeakWindow.DailyFixed;
        PeakWindow.@Nullable DailyFixed d = daily ? (PeakWindow.DailyFixed) window : null;
        return new RegionSettingsInput(
                daily ? "DAILY" : "TRAILING",
                daily ? null : ((PeakWindow.Trailing) window).minutes(),
                d == null ? null : d.start().toString(),
                d == null ? null : d.end().toString(),
                d == null ? null : d.zone().getId(),
                throttlingPercent,
                throttlingMinutes,
                errorPercent,
                errorMinutes,
                p99LatencyMs,
                p99Minutes,
                scoreThreshold,
                scoreMinutes);
    }

    /** Every field that is missing or out of range, in form order; empty when the input is valid. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        String kind = peakWindow == null ? null : peakWindow.trim().toUpperCase(Locale.ROOT);
        if (kind == null || kind.isEmpty()) {
            problems.add(new Problem("peakWindow", "is required: TRAILING or DAILY"));
        } else if (kind.equals("TRAILING")) {
            range(problems, "windowMinutes", windowMinutes, 10, MAX_WINDOW_MINUTES, "minutes (at most 24 h)");
        } else if (kind.equals("DAILY")) {
            LocalTime start = time(problems, "dailyStart", dailyStart);
            LocalTime end = time(problems, "dailyEnd", dailyEnd);
            if (start != null && start.equals(end)) {
                problems.add(new Problem("dailyEnd", "must differ from dailyStart (for 24 h use a trailing window)"));
            }
            zone(problems, dailyZone);
        } else {
            problems.add(new Problem("peakWindow", "must be TRAILING or DAILY, not '" + peakWindow + "'"));
        }
        percent(problems, "throttlingPercent", throttlingPercent);
        range(problems, "throttlingMinutes", throttlingMinutes, 1, MAX_REACTIVE_MINUTES, "minutes");
        percent(problems, "errorPercent", errorPercent);
        range(problems, "errorMinutes", errorMinutes, 1, MAX_REACTIVE_MINUTES, "minutes");
        if (p99LatencyMs == null) {
            problems.add(new Problem("p99LatencyMs", "is required"));
        } else if (!(p99LatencyMs > 0 && p99LatencyMs <= 600_000)) {
            problems.add(
                    new Problem("p99LatencyMs", "must be above 0 and at most 600000 ms, got " + plain(p99LatencyMs)));
        }
        range(problems, "p99Minutes", p99Minutes, 1, MAX_REACTIVE_MINUTES, "minutes");
        if (scoreThreshold == null) {
            problems.add(new Problem("scoreThreshold", "is required"));
        } else if (!(scoreThreshold > 0 && scoreThreshold <= 100)) {
            problems.add(
                    new Problem("scoreThreshold", "must be above 0 and at most 100, got " + plain(scoreThreshold)));
        }
        range(problems, "scoreMinutes", scoreMinutes, 1, MAX_WINDOW_MINUTES, "minutes");
        return problems;
    }

    /** The settings, when {@link #problems()} is empty. */
    public RegionSignalSettings toSettings() {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid settings: " + problems);
        }
        String kind = java.util.Objects.requireNonNull(peakWindow).trim().toUpperCase(Locale.ROOT);
        PeakWindow window = kind.equals("TRAILING")
                ? new PeakWindow.Trailing(java.util.Objects.requireNonNull(windowMinutes))
                : new PeakWindow.DailyFixed(
                        LocalTime.parse(
                                java.util.Objects.requireNonNull(dailyStart).trim()),
                        LocalTime.parse(
                                java.util.Objects.requireNonNull(dailyEnd).trim()),
                        ZoneId.of(java.util.Objects.requireNonNull(dailyZone).trim()));
        return new RegionSignalSettings(
                window,
                req(throttlingPercent),
                req(throttlingMinutes),
                req(errorPercent),
                req(errorMinutes),
                req(p99LatencyMs),
                req(p99Minutes),
                req(scoreThreshold),
                req(scoreMinutes));
    }

    private static <T> T req(@Nullable T value) {
        return java.util.Objects.requireNonNull(value);
    }

    private static void range(
            List<Problem> problems, String field, @Nullable Integer value, int min, int max, String unit) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (value < min || value > max) {
            problems.add(new Problem(field, "must be between " + min + " and " + max + " " + unit + ", got " + value));
        }
    }

    private static void percent(List<Problem> problems, String field, @Nullable Double value) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (!(value > 0 && value <= 100)) {
            problems.add(new Problem(field, "must be above 0 and at most 100 %, got " + plain(value)));
        }
    }

    private static @Nullable LocalTime time(List<Problem> problems, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required for a daily window, as HH:mm (e.g. 08:00)"));
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(value.trim());
            if (t.getSecond() != 0 || t.getNano() != 0) {
                problems.add(new Problem(field, "must be a whole minute, as HH:mm"));
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "must be a time as HH:mm (e.g. 08:00), not '" + value + "'"));
            return null;
        }
    }

    private static void zone(List<Problem> problems, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem("dailyZone", "is required for a daily window, e.g. Europe/Amsterdam or UTC"));
            return;
        }
        try {
            ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            problems.add(new Problem(
                    "dailyZone",
                    "'" + value + "' is not a time zone; use a region id such as Europe/Amsterdam or UTC"));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
