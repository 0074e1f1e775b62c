package dev.stampboard.signals.engine;

/** A span of epoch minutes ({@code Instant.getEpochSecond() / 60}), both ends inclusive. */
public record MinuteRange(long fromMinute, long toMinute) {

    public MinuteRange {
        if (toMinute < fromMinute) {
            throw new IllegalArgumentException("toMinute " + toMinute + " is before fromMinute " + fromMinute);
        }
    }

    public long lengthMinutes() {
        return toMinute - fromMinute + 1;
    }

    public boolean contains(long minute) {
        return minute >= fromMinute && minute <= toMinute;
    }
}
