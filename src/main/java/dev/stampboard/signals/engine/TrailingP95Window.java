package dev.stampboard.signals.engine;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The multiset of one pool's hot-node values over its trailing window, answering the nearest-rank P95
 * at any time. Not thread-safe: {@link SignalEngine} guards it.
 *
 * <p>The window is not kept sorted as a whole: the P95 of n values is the (n - ceil(0.95 n) + 1)-th largest,
 * 37th of 720, so only the values at or above a per-pool {@code floor} are kept sorted (in {@code top}, about
 * twice as many as the P95 needs) and the rest are only counted ({@code below}). Most minute updates (a value
 * in, a value out) then fall entirely below the floor and cost two comparisons instead of a search and a
 * shift in a 720-value array. When expiry leaves the P95 below the floor, or the top part has grown well past
 * its size at the last rebuild, the owner rebuilds the window from its minute values ({@link #needsRebuild},
 * {@link #rebuild}: selection, a few microseconds); a per-pool {@code slack} keeps the pools of a fleet that
 * moves in step from all rebuilding in one minute.
 */
final class TrailingP95Window {

    /** Least slack (values) the top part keeps beyond twice what the P95 needs; per pool it is 16..47. */
    private static final int MIN_SLACK = 16;

    /** Size of the multiset: {@code below + top.size()}. */
    private int size;
    /** Values below {@code floor}: counted, not stored. */
    private int below;
    /** Values &ge; floor are in {@code top}; 0 keeps every value there. */
    private float floor;
    /** Top part grown past this size since the last rebuild triggers a rebuild (keeps shifts short). */
    private int topLimit;

    private final SortedPercentages top = new SortedPercentages(16);
    private final int slack;

    /** @param id the pool's index in the engine; only spreads rebuilds of different pools over time */
    TrailingP95Window(int id) {
        this.slack = MIN_SLACK + (id & 31);
        this.topLimit = 4 * slack;
    }

    OptionalDouble p95() {
        int n = size;
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(top.get(NearestRank.p95Rank(n) - 1 - below));
    }

    void insert(float v) {
        size++;
        if (v >= floor) {
            top.insert(v);
        } else {
            below++;
        }
    }

    void remove(float v) {
        size--;
        if (v >= floor) {
            top.remove(v);
        } else {
            below--;
        }
    }

    void replace(float old, float v) {
        if (old >= floor) {
            if (v >= floor) {
                top.replace(old, v);
            } else {
                top.remove(old);
                below++;
            }
        } else if (v >= floor) {
            below--;
            top.insert(v);
        }
    }

    void clear() {
        size = 0;
        below = 0;
        floor = 0;
        topLimit = 4 * slack;
        top.clear();
    }

    /**
     * Whether the invariant readers rely on — the P95 lies in the top part — is broken or the top part has
     * grown long; the owner then calls {@link #rebuild}. An emptied window forgets its floor here.
     */
    boolean needsRebuild() {
        int n = size;
        if (n == 0) {
            if (floor != 0) {
                clear();
            }
            return false;
        }
        // the P95 is at 0-based index p95Rank(n) - 1; the top part starts at index `below`
        return below > NearestRank.p95Rank(n) - 1 || top.size() > topLimit;
    }

    /**
     * Refills the window with {@code values[0..n)} (reordered): the floor becomes the value with
     * {@code 2 × (values from the P95 up) + slack} values at or above it (0 when the window is not bigger
     * than that).
     */
    void rebuild(float[] values, int n) {
        int target = 2 * (n - NearestRank.p95Rank(Math.max(n, 1)) + 1) + slack;
        float newFloor = n > target ? NearestRank.select(values, n, n - target) : 0f;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (v >= newFloor) {
                values[kept++] = v;
            }
        }
        Arrays.sort(values, 0, kept);
        top.setSorted(values, kept);
        size = n;
        below = n - kept;
        floor = newFloor;
        // ties at the floor can make the top part larger than the target; allow growth from where it is
        topLimit = Math.max(2 * target, kept + target);
    }
}
