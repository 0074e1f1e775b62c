package dev.stampboard.score.engine;

import dev.stampboard.signals.engine.NearestRank;
import java.util.Arrays;

/**
 * Nearest-rank P95 of the last {@code window} minute values (CPU %, within [0, 100]), kept incrementally: a count per
 * 0.1-point bin and a ring of the values to evict. A query walks down from the highest occupied bin, so it costs
 * the spread of the top 5 %, not the window. The P95 is the bin's lower edge: at most 0.1 point below the exact
 * nearest-rank value of the signals engine. A missing minute (NaN) holds no value.
 */
final class HistogramP95 {

    private static final int BINS = 1001;

    private final int[] counts = new int[BINS];
    private final short[] ring;
    private int position;
    private int size;
    private int highest = -1;

    HistogramP95(int window) {
        ring = new short[window];
        Arrays.fill(ring, (short) -1);
    }

    void add(double value) {
        short old = ring[position];
        if (old >= 0) {
            counts[old]--;
            size--;
            if (old == highest) {
                while (highest >= 0 && counts[highest] == 0) {
                    highest--;
                }
            }
        }
        if (Double.isNaN(value)) {
            ring[position] = -1;
        } else {
            int bin = (int) Math.floor(Math.max(0.0, Math.min(100.0, value)) * 10.0 + 1e-9);
            ring[position] = (short) bin;
            counts[bin]++;
            size++;
            highest = Math.max(highest, bin);
        }
        position = (position + 1) % ring.length;
    }

    /** Becomes an exact copy of {@code other} (same window length), without allocating. */
    void copyFrom(HistogramP95 other) {
        if (other.ring.length != ring.length) {
            throw new IllegalArgumentException("windows differ: " + ring.length + " and " + other.ring.length);
        }
        System.arraycopy(other.counts, 0, counts, 0, BINS);
        System.arraycopy(other.ring, 0, ring, 0, ring.length);
        position = other.position;
        size = other.size;
        highest = other.highest;
    }

    /** NaN when the window holds no value. */
    double p95() {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = NearestRank.p95Rank(size); // 1-based from the bottom, the signals engine's rank
        int fromTop = size - rank + 1;
        int seen = 0;
        for (int bin = highest; bin >= 0; bin--) {
            seen += counts[bin];
            if (seen >= fromTop) {
                return bin / 10.0;
            }
        }
        return 0.0;
    }
}
