package dev.stampboard.cutover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a source has drained (DESIGN §5: 30–60 s): the fleet's in-flight count is read every
 * {@value #STEP_SECONDS} s from the cutover; the drain ends at the first reading of zero, but never before
 * {@value #MIN_SECONDS} s (late requests still arrive from cached DNS answers) and never after {@value #MAX_SECONDS} s
 * (what is still running then is cut off, and the evidence says how many). Without a report it waits the
 * configured fixed time. Plain Java.
 */
final class DrainWatch {

    static final int STEP_SECONDS = 5;
    static final int MIN_SECONDS = 30;
    static final int MAX_SECONDS = 60;

    /** When the drain ends (seconds after the cutover) and the readings up to then, for the evidence. */
    record Drain(int endedAfterSeconds, List<Long> readings, long cutOff, boolean reported) {

        String describe() {
            if (!reported) {
                return "drain: the fleet reports no in-flight requests; waited the configured " + endedAfterSeconds
                        + " s";
            }
            StringBuilder curve =
                    new StringBuilder("drain: in-flight requests on the source every " + STEP_SECONDS + " s: ");
            for (int i = 0; i < readings.size(); i++) {
                curve.append(i == 0 ? "" : " → ").append(readings.get(i));
            }
            curve.append("; ended after ").append(endedAfterSeconds).append(" s");
            if (cutOff > 0) {
                curve.append(", ").append(cutOff).append(" still running were cut off");
            }
            return curve.toString();
        }
    }

    interface Reader {
        OptionalLong at(Instant at);
    }

    private DrainWatch() {}

    /** The drain as far as {@code now} lets it be seen; null while it is still running. */
    static @Nullable Drain observe(Instant cutoverAt, Instant now, Reader reader, int fallbackSeconds) {
        List<Long> readings = new ArrayList<>();
        for (int s = 0; s <= MAX_SECONDS; s += STEP_SECONDS) {
            Instant at = cutoverAt.plusSeconds(s);
            if (at.isAfter(now)) {
                return null;
            }
            OptionalLong inFlight = reader.at(at);
            if (inFlight.isEmpty()) {
                return now.isBefore(cutoverAt.plusSeconds(fallbackSeconds))
                        ? null
                        : new Drain(fallbackSeconds, List.of(), 0, false);
            }
            readings.add(inFlight.getAsLong());
            if (s >= MIN_SECONDS && inFlight.getAsLong() == 0) {
                return new Drain(s, readings, 0, true);
            }
        }
        return new Drain(MAX_SECONDS, readings, readings.get(readings.size() - 1), true);
    }
}
