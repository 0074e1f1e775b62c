package dev.stampboard.signals;

import java.util.OptionalDouble;

/**
 * Port for the stamp score (issue 16): the {@code score} module implements it with its live per-minute
 * scores; the signals module reads it to fire the SCORE trigger (score at or above the region's
 * threshold for N minutes). Until an implementation exists, {@link NoStampScores} answers "no score".
 *
 * <p>Implementations are called from the dashboard, the planner and the API, for every stamp of a region:
 * answer from memory (no database query per call), and never throw for an unknown stamp.
 */
public interface StampScores {

    /** The stamp's latest score, 0–100; empty when it has none (no model yet, unknown or new stamp). */
    OptionalDouble scoreOf(String stamp);

    /**
     * How many consecutive scored minutes, ending with the latest one, the stamp's score has been at or
     * above {@code threshold}; 0 when the latest score is below it or there is none. A minute without a
     * score ends the streak.
     */
    int minutesAtOrAbove(String stamp, double threshold);
}
