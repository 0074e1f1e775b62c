package dev.stampboard.signals.engine;

import java.util.Arrays;

/**
 * A multiset of floats kept sorted in one array, so that a percentile is an index lookup.
 * Insert and remove cost a binary search plus one {@link System#arraycopy}, which for the
 * few hundred values of a peak window beats any tree on both speed and memory.
 */
final class SortedFloats {

    private float[] values;
    private int size;

    SortedFloats(int initialCapacity) {
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
    }

    void insert(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        int at = upperBound(v);
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = v;
        size++;
    }

    void remove(float v) {
        int at = indexOf(v);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
    }

    /** Remove {@code old} and insert {@code replacement} with one shift of only the elements between them. */
    void replace(float old, float replacement) {
        int from = indexOf(old);
        if (replacement >= old) {
            int to = upperBound(replacement) - 1;
            System.arraycopy(values, from + 1, values, from, to - from);
            values[to] = replacement;
        } else {
            int to = upperBound(replacement);
            System.arraycopy(values, to, values, to + 1, from - to);
            values[to] = replacement;
        }
    }

    private int indexOf(float v) {
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at < 0) {
            throw new IllegalStateException("value " + v + " is not in the window; incremental state is corrupt");
        }
        return at;
    }

    /** First index whose value is greater than v. */
    private int upperBound(float v) {
        int lo = 0;
        int hi = size;
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
