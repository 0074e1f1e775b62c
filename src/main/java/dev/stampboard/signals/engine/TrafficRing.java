package dev.stampboard.signals.engine;

import java.util.Arrays;

/**
 * Per-minute registry traffic counters as a ring of slots (slot = minute mod retention), one array per
 * column. Used for one replica (then {@code stamp[slot]} is the stamp that served it that minute) and for a
 * stamp's aggregate over the replicas it served. Each slot remembers its minute, so a stale slot simply
 * reads as empty and advancing time costs nothing here. Not thread-safe: {@link SignalEngine} guards it.
 */
final class TrafficRing {

    private static final long EMPTY = Long.MIN_VALUE;

    private int retention;
    private long[] minuteOf;
    private int[] stamp;
    private long[] requests;
    private long[] bytes;
    private long[] throttled;
    private long[] errors;
    /** Highest p99 among contributions with requests; NaN when none. */
    private double[] p99;

    TrafficRing(int retention) {
        allocate(retention);
    }

    private void allocate(int size) {
        retention = size;
        minuteOf = new long[size];
        Arrays.fill(minuteOf, EMPTY);
        stamp = new int[size];
        requests = new long[size];
        bytes = new long[size];
        throttled = new long[size];
        errors = new long[size];
        p99 = new double[size];
    }

    private int slot(long minute) {
        return (int) Math.floorMod(minute, (long) retention);
    }

    boolean has(long minute) {
        return minuteOf[slot(minute)] == minute;
    }

    /** Adds one replica-minute; a stamp aggregate receives several per minute. */
    void add(long minute, int stampIndex, long req, long byteCount, long thr, long err, double p99Ms) {
        int s = slot(minute);
        if (minuteOf[s] != minute) {
            minuteOf[s] = minute;
            stamp[s] = stampIndex;
            requests[s] = 0;
            bytes[s] = 0;
            throttled[s] = 0;
            errors[s] = 0;
            p99[s] = Double.NaN;
        }
        requests[s] += req;
        bytes[s] += byteCount;
        throttled[s] += thr;
        errors[s] += err;
        if (req > 0 && !(p99[s] >= p99Ms)) {
            p99[s] = p99Ms;
        }
    }

    /**
     * The slot that holds {@code minute}, or -1 when the ring has no record of it: for reading several columns of one
     * minute with one division (the long {@code floorMod} was 3.4 % of the scenario JVM's samples when each column
     * worked the slot out again).
     */
    int slotOf(long minute) {
        int s = slot(minute);
        return minuteOf[s] == minute ? s : -1;
    }

    /** The stamp index of a slot {@link #slotOf} returned. */
    int stampIn(int slot) {
        return stamp[slot];
    }

    long requestsIn(int slot) {
        return requests[slot];
    }

    long bytesIn(int slot) {
        return bytes[slot];
    }

    /** The metric's value in that minute, NaN when the minute has no record or no requests. */
    double value(ReactiveMetric metric, long minute) {
        int s = slot(minute);
        if (minuteOf[s] != minute || requests[s] == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case THROTTLING_RATE -> (double) throttled[s] / requests[s];
            case ERROR_RATE -> (double) errors[s] / requests[s];
            case P99_LATENCY_MS -> p99[s];
        };
    }

    /** Keeps the minutes in {@code (now - newRetention, now]}. */
    void resize(int newRetention, long now) {
        TrafficRing old = new TrafficRing(1);
        old.retention = retention;
        old.minuteOf = minuteOf;
        old.stamp = stamp;
        old.requests = requests;
        old.bytes = bytes;
        old.throttled = throttled;
        old.errors = errors;
        old.p99 = p99;
        allocate(newRetention);
        for (long m = now - Math.min(newRetention, old.retention) + 1; m <= now; m++) {
            int from = old.slot(m);
            if (old.minuteOf[from] == m) {
                int to = slot(m);
                minuteOf[to] = m;
                stamp[to] = old.stamp[from];
                requests[to] = old.requests[from];
                bytes[to] = old.bytes[from];
                throttled[to] = old.throttled[from];
                errors[to] = old.errors[from];
                p99[to] = old.p99[from];
            }
        }
    }
}
