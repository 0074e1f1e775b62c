package dev.stampboard.signals.engine;

/** Outcome of recording one sample; {@code reason} says what to fix and is null when accepted. */
public record SampleVerdict(boolean accepted, String reason) {

    private static final SampleVerdict ACCEPTED = new SampleVerdict(true, null);

    public static SampleVerdict accept() {
        return ACCEPTED;
    }

    public static SampleVerdict reject(String reason) {
        return new SampleVerdict(false, reason);
    }
}
