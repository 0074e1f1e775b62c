package dev.stampboard.signals.engine;

/**
 * The one nearest-rank P95 of the console (DESIGN §2): the value at 1-based rank ceil(0.95 × n) of the n
 * values sorted ascending. The signals engine, the planner's predictions and the dashboard's rolling trend
 * all rank with {@link #p95Rank}, so a P95 means the same number on every screen and in every plan.
 */
public final class NearestRank {

    private NearestRank() {}

    /**
     * 1-based rank of the P95 among n values: ceil(0.95 × n), computed in integers because
     * 0.95 × n in floating point can land a hair above a whole number and round up one rank too far.
     */
    public static int p95Rank(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no values, no rank");
        }
        return (int) ((95L * n + 99) / 100);
    }

    /** P95 of the values that are present (NaN marks a missing minute); NaN when none is. The input is left as it is. */
    public static double p95(float[] values) {
        float[] present = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                present[n++] = v;
            }
        }
        return n == 0 ? Double.NaN : p95ByQuickselect(present, n);
    }

    /** P95 of {@code values[0..n)} by selection; reorders that prefix. */
    static float p95ByQuickselect(float[] values, int n) {
        return select(values, n, p95Rank(n) - 1);
    }

    /** The k-th smallest (0-based) of {@code a[0..n)}; Hoare partitioning around a median-of-three pivot. */
    static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            float pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot, a[i..hi] >= pivot, and anything between equals the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOf3(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
