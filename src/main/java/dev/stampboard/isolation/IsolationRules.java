package dev.stampboard.isolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The intake rules, one method per field, each answering what is wrong (or null). The form's binder
 * and the service (hence the API) call the same methods, so the browser and a script get the same message.
 */
public final class IsolationRules {

    public static final long MAX_QPS = 10_000_000;
    public static final double MAX_GBPS = 10_000;
    public static final double MAX_TB = 100_000;
    public static final int MIN_JUSTIFICATION = 20;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_WANTED_BY_DAYS = 730;

    private IsolationRules() {}

    public static @Nullable String registries(@Nullable List<String> registries) {
        if (registries == null || registries.isEmpty()) {
            return "Choose at least one registry to move onto the dedicated stamp";
        }
        if (new HashSet<>(registries).size() != registries.size()) {
            return "Each registry may be listed once";
        }
        return null;
    }

    public static @Nullable String expectedPeakQps(@Nullable Long qps) {
        if (qps == null) {
            return "Enter the expected peak requests per second (a whole number, e.g. 20000)";
        }
        if (qps <= 0 || qps > MAX_QPS) {
            return String.format(Locale.ROOT, "Expected peak QPS must be between 1 and %,d (got %,d)", MAX_QPS, qps);
        }
        return null;
    }

    public static @Nullable String peakThroughputGbps(@Nullable Double gbps) {
        if (gbps == null) {
            return "Enter the peak throughput in Gbit/s (e.g. 40)";
        }
        if (!(gbps > 0) || gbps > MAX_GBPS) {
            return String.format(
                    Locale.ROOT, "Peak throughput must be above 0 and at most %,.0f Gbit/s (got %s)", MAX_GBPS, gbps);
        }
        return null;
    }

    public static @Nullable String dataVolumeTb(@Nullable Double tb) {
        if (tb == null) {
            return "Enter the data volume in TB (e.g. 300)";
        }
        if (!(tb > 0) || tb > MAX_TB) {
            return String.format(Locale.ROOT, "Data volume must be above 0 and at most %,.0f TB (got %s)", MAX_TB, tb);
        }
        return null;
    }

    public static @Nullable String justification(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "Say why the registries need a dedicated stamp (workload, compliance, noisy neighbours…)";
        }
        if (text.strip().length() < MIN_JUSTIFICATION) {
            return "The justification is too short: at least " + MIN_JUSTIFICATION
                    + " characters, so a reviewer can judge it without asking";
        }
        if (text.length() > MAX_TEXT) {
            return "The justification is too long: at most " + MAX_TEXT + " characters (" + text.length() + " given)";
        }
        return null;
    }

    public static @Nullable String wantedBy(@Nullable LocalDate date, LocalDate today) {
        if (date == null) {
            return "Enter the date by which the dedicated stamp is wanted (YYYY-MM-DD)";
        }
        if (date.isBefore(today)) {
            return "The wanted-by date " + date + " is in the past; today is " + today;
        }
        if (date.isAfter(today.plusDays(MAX_WANTED_BY_DAYS))) {
            return "The wanted-by date " + date + " is more than two years away; file closer to the date";
        }
        return null;
    }

    /** A decision's or question's text: required, and short enough to store. */
    public static @Nullable String text(@Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            return what + " is required";
        }
        if (text.length() > MAX_TEXT) {
            return what + " is too long: at most " + MAX_TEXT + " characters";
        }
        return null;
    }
}
