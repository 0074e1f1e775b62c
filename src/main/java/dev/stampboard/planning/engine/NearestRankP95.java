package dev.stampboard.planning.engine;

import java.util.Arrays;

/** DESIGN §2: the value at rank ceil(0.95 n) of the n minute values sorted ascending; NaN minutes skipped. */
final class NearestRankP95 {

    private NearestRankP95() {
    }

    static double of(float[] values) {
        float[] present = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                present[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(present, 0, n);
        return present[(int) Math.ceil(0.95 * n) - 1];
    }
}
