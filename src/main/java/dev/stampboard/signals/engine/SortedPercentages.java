package dev.stampboard.signals.engine;

import java.util.Arrays;

/**
 * A multiset of percentages (0..100) kept sorted in one array, so that a percentile is an index lookup.
 * Insert and remove cost a search plus one {@link System#arraycopy}, which for the few hundred values of
 * the top part of a peak window (see {@link PoolSeries}) beats any tree on both speed and memory.
 *
 * <p>The search starts from {@code bucketStart[k]}, the index of the first value &ge; k for each whole
 * percent k. A lookup then reads one bucket entry and a short stretch of the values instead of binary
 * searching the whole array, which touches about ten cache lines: across thousands of pools per minute
 * those misses, not the copying, were the cost. Keeping the index current costs one pass over the entries
 * between the old and new value's percent, which are contiguous ints.
 */
final class SortedPercentages {

    private static final int BUCKETS = 101;

    private float[] values;
    private int size;
    /** bucketStart[k] = first index whose value is &ge; k, for k = 0..100; bucketStart[101] = size. */
    private final int[] bucketStart = new int[BUCKETS + 1];

    SortedPercentages(int initialCapacity) {
        values = new float[Math.max(1, initialCapacity)];
    }

    int size() {
        return size;
    }

    float get(int index) {
        return values[index];
    }

    void clear() {
        size = 0;
        Arrays.fill(bucketStart, 0);
    }

    void insert(float v) {
        int b = bucket(v);
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        int at = upperBound(v, b);
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = v;
        size++;
        shiftBuckets(b + 1, BUCKETS, 1);
    }

    void remove(float v) {
        int b = bucket(v);
        int at = indexOf(v, b);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        shiftBuckets(b + 1, BUCKETS, -1);
    }

    /** Remove {@code old} and insert {@code replacement} with one shift of only the elements between them. */
    void replace(float old, float replacement) {
        int oldBucket = bucket(old);
        int newBucket = bucket(replacement);
        int from = indexOf(old, oldBucket);
        if (replacement >= old) {
            int to = upperBound(replacement, newBucket) - 1;
            System.arraycopy(values, from + 1, values, from, to - from);
            values[to] = replacement;
            shiftBuckets(oldBucket + 1, newBucket, -1);
        } else {
            int to = upperBound(replacement, newBucket);
            System.arraycopy(values, to, values, to + 1, from - to);
            values[to] = replacement;
            shiftBuckets(newBucket + 1, oldBucket, 1);
        }
    }

    /** Replaces the contents with {@code sorted[0..n)}, which must be ascending percentages. */
    void setSorted(float[] sorted, int n) {
        if (n > values.length) {
            values = new float[Math.max(n, values.length * 2)];
        }
        System.arraycopy(sorted, 0, values, 0, n);
        size = n;
        int i = 0;
        for (int k = 0; k < BUCKETS; k++) {
            while (i < n && values[i] < k) {
                i++;
            }
            bucketStart[k] = i;
        }
        bucketStart[BUCKETS] = n;
        if (n > 0) {
            bucket(values[0]);
            bucket(values[n - 1]);
        }
    }

    private static int bucket(float v) {
        if (!(v >= 0 && v <= 100)) {
            throw new IllegalArgumentException("not a percentage: " + v);
        }
        return (int) v;
    }

    private void shiftBuckets(int fromBucket, int toBucketInclusive, int delta) {
        for (int k = fromBucket; k <= toBucketInclusive; k++) {
            bucketStart[k] += delta;
        }
    }

    private int indexOf(float v, int b) {
        int lo = bucketStart[b];
        int hi = bucketStart[b + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            float m = values[mid];
            if (m < v) {
                lo = mid + 1;
            } else if (m > v) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("value " + v + " is not in the window; incremental state is corrupt");
    }

    /** First index whose value is greater than v. */
    private int upperBound(float v, int b) {
        int lo = bucketStart[b];
        int hi = bucketStart[b + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
