package dev.stampboard.signals.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingP95Test {

    @Test
    void each_minute_takes_the_nearest_rank_p95_of_its_trailing_window() {
        long[] minutes = {100, 101, 102, 103};
        double[] values = {10, 40, 20, 30};

        double[] p95 = RollingP95.of(minutes, values, 100, 104, 2);

        // windows: [10], [10,40], [40,20], [20,30], [30] (minute 104 has no value of its own)
        assertThat(p95).containsExactly(10, 40, 40, 30, 30);
    }

    @Test
    void minutes_before_any_value_and_after_the_window_empties_are_nan() {
        double[] p95 = RollingP95.of(new long[] {5}, new double[] {50}, 3, 8, 3);

        assertThat(p95).containsExactly(Double.NaN, Double.NaN, 50, 50, 50, Double.NaN);
    }

    @Test
    void values_before_the_reported_range_count_for_its_first_minutes() {
        double[] p95 = RollingP95.of(new long[] {1, 2, 9}, new double[] {90, 80, 10}, 10, 11, 10);

        // at 10 the window [1,10] holds 90, 80, 10; at 11 the window [2,11] holds 80, 10
        assertThat(p95).containsExactly(90, 80);
    }

    @Test
    void agrees_with_sorting_each_window_on_random_data_with_gaps_and_ties() {
        Random random = new Random(7);
        int n = 600;
        long[] minutes = new long[n];
        double[] values = new double[n];
        long m = 0;
        for (int i = 0; i < n; i++) {
            m += 1 + random.nextInt(3);
            minutes[i] = m;
            values[i] = random.nextInt(20) * 5.0;
        }
        int window = 97;
        double[] rolling = RollingP95.of(minutes, values, 0, m, window);
        for (long t = 0; t <= m; t++) {
            final long end = t;
            double[] in = java.util.stream.IntStream.range(0, n)
                    .filter(i -> minutes[i] <= end && minutes[i] > end - window)
                    .mapToDouble(i -> values[i])
                    .toArray();
            Arrays.sort(in);
            double expected = in.length == 0 ? Double.NaN : in[(int) Math.ceil(0.95 * in.length) - 1];
            assertThat(Double.valueOf(rolling[(int) t])).as("minute %d", t).isEqualTo(Double.valueOf(expected));
        }
    }
}
