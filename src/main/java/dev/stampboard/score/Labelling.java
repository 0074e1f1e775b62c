package dev.stampboard.score;

import dev.stampboard.base.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What counts as an incident when the next version is trained: p99 pull latency above {@code p99SloMs} or more than
 * {@code throttlingPercent} % of requests throttled, sustained (as {@code stampboard.score.sustain-minutes} says);
 * the score is the probability of one within {@code horizonHours}. Versions already trained keep the labelling
 * they were trained with (their card says which).
 *
 * @param custom whether an admin set these (false: the configured defaults)
 */
public record Labelling(double p99SloMs, double throttlingPercent, int horizonHours, boolean custom) {

    /** Checks an admin's input, naming every field that is wrong. */
    public static Labelling of(
            @Nullable Double p99SloMs, @Nullable Double throttlingPercent, @Nullable Integer horizonHours) {
        List<String> problems = new ArrayList<>();
        if (p99SloMs == null) {
            problems.add("p99SloMs: is required");
        } else if (!(p99SloMs > 0 && p99SloMs <= 60_000)) {
            problems.add("p99SloMs: must be above 0 and at most 60000 ms, got " + plain(p99SloMs));
        }
        if (throttlingPercent == null) {
            problems.add("throttlingPercent: is required");
        } else if (!(throttlingPercent > 0 && throttlingPercent <= 100)) {
            problems.add("throttlingPercent: must be above 0 and at most 100 %, got " + plain(throttlingPercent));
        }
        if (horizonHours == null) {
            problems.add("horizonHours: is required");
        } else if (horizonHours < 1 || horizonHours > 48) {
            problems.add("horizonHours: must be between 1 and 48 hours, got " + horizonHours);
        }
        // a missing value is always among the problems; the null checks are for the compiler
        if (!problems.isEmpty() || p99SloMs == null || throttlingPercent == null || horizonHours == null) {
            throw new InvalidInputException(String.join("; ", problems));
        }
        return new Labelling(p99SloMs, throttlingPercent, horizonHours, true);
    }

    /** "p99 above 1500 ms or throttling above 1.0 %, 6 h ahead", for the audit log. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "p99 above %s ms or throttling above %s %%, %d h ahead",
                plain(p99SloMs),
                plain(throttlingPercent),
                horizonHours);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
