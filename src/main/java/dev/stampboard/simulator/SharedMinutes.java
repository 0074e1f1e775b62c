package dev.stampboard.simulator;

/**
 * Which simulated minutes an instance generates and which it follows when the simulated telemetry is stored for every
 * console instance on the database: a minute already stored is followed (its rows come from the store), the elected
 * instance generates and stores the next one, and an instance that is not elected waits for it. Plain Java, so that
 * several instances, a take-over and a lost claim can be played in a test.
 */
final class SharedMinutes {

    /** One instance's view of the shared world. */
    interface Instance {

        /** The minute this instance's clock (and engine) is at. */
        long clockMinute();

        /** The newest minute whose telemetry is stored; {@link Long#MIN_VALUE} when none is. */
        long storedThrough();

        /** Whether this instance holds the simulator's lease now (asked before each minute it would generate). */
        boolean elected();

        /** Moves this instance to {@code minute}, whose telemetry another instance (or this one, earlier) stored. */
        void follow(long minute);

        /**
         * Moves this instance to {@code minute}, generates it and stores it with its claim; false when another
         * instance had claimed it (its rows are then followed like any stored minute's).
         */
        boolean generate(long minute);
    }

    private SharedMinutes() {}

    /**
     * Brings {@code instance} towards {@code target}, one minute at a time; returns whether it got there (false: it is
     * not elected and the next minute is not stored yet).
     */
    static boolean catchUp(Instance instance, long target) {
        long stored = instance.storedThrough();
        while (instance.clockMinute() < target) {
            long minute = instance.clockMinute() + 1;
            if (minute <= stored) {
                instance.follow(minute);
            } else if (instance.elected()) {
                if (!instance.generate(minute)) {
                    stored = instance.storedThrough();
                }
            } else {
                stored = instance.storedThrough(); // stored since the first read?
                if (minute > stored) {
                    return false;
                }
            }
        }
        return true;
    }
}
