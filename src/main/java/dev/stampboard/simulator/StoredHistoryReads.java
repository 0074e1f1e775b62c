package dev.stampboard.simulator;

/**
 * When the simulator reads a stored history ({@link StoredArrivals}, {@link StoredStamps}) again before it generates
 * the minutes the stored clock moved on (another instance ticked, an advance): so a change committed before the clock
 * moved counts from the minute after it here too, even while this instance's inventory has not followed it yet. A few
 * times a second at most: a clock ticking fast would otherwise read the history for every minute.
 */
final class StoredHistoryReads {

    static final long FRESH_NANOS = 250_000_000L;

    private boolean readOnce;
    private long lastRead;

    /** Whether the history is to be read again now: the first time, and {@link #FRESH_NANOS} after the last. */
    boolean due(long nanoTime) {
        if (readOnce && nanoTime - lastRead < FRESH_NANOS) {
            return false;
        }
        readOnce = true;
        lastRead = nanoTime;
        return true;
    }
}
