package dev.stampboard.signals.engine;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of recording one sample; {@code reason} says what to fix and is null when accepted. {@code cause}
 * is the reason's kind, a small fixed set that monitoring can count by (the reason text is unbounded).
 */
public record SampleVerdict(boolean accepted, @Nullable String reason, Cause cause) {

    /** Why a sample was refused; {@link #NONE} when it was accepted. */
    public enum Cause {
        NONE,
        UNKNOWN_STAMP,
        UNKNOWN_POOL,
        UNKNOWN_NODE,
        OUT_OF_RANGE,
        INVALID_VALUES,
        FUTURE,
        TOO_OLD,
        DUPLICATE
    }

    private static final SampleVerdict ACCEPTED = new SampleVerdict(true, null, Cause.NONE);

    public static SampleVerdict accept() {
        return ACCEPTED;
    }

    public static SampleVerdict reject(Cause cause, String reason) {
        return new SampleVerdict(false, reason, cause);
    }
}
