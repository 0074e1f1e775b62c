package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureTrackerTest {

    private static StampMinute minute(double registry, double dataproxy) {
        return new StampMinute(registry, dataproxy, 1000, 0.0, 0.0, 100.0, 0.5);
    }

    private static double[] features(FeatureTracker t) {
        double[] out = new double[ScoreFeature.COUNT];
        t.features(out);
        return out;
    }

    @Test
    void p95_is_the_nearest_rank_value_of_the_last_12_hours_within_a_tenth_of_a_point() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        Random random = new Random(7);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(random.nextDouble() * 1000) / 10.0; // on the 0.1 grid: no binning error
            t.observe(minute(values[i], 5.0));
        }
        // independent: sort the last 720 values, take rank ceil(0.95 * 720) = 684
        double[] window = Arrays.copyOfRange(values, values.length - 720, values.length);
        Arrays.sort(window);
        assertThat(features(t)[ScoreFeature.P95_REGISTRY.ordinal()]).isCloseTo(window[683], within(1e-9));
        assertThat(features(t)[ScoreFeature.P95_DATAPROXY.ordinal()]).isEqualTo(5.0);
        assertThat(features(t)[ScoreFeature.HEADROOM.ordinal()]).isCloseTo(45.0 - window[683], within(1e-9));
    }

    @Test
    void a_missing_minute_holds_no_value_in_the_p95() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 17; i++) {
            t.observe(minute(10.0, 10.0));
        }
        for (int i = 0; i < 3; i++) {
            t.observe(minute(90.0, 10.0));
        }
        for (int i = 0; i < 100; i++) {
            t.observe(StampMinute.SILENT);
        }
        // 20 values: rank ceil(0.95 * 20) = 19 is 90; had the 100 silent minutes counted as 0, rank 114 would be 10
        assertThat(features(t)[ScoreFeature.P95_REGISTRY.ordinal()]).isEqualTo(90.0);
    }

    @Test
    void slope_is_the_least_squares_slope_of_the_hotter_pool_per_hour() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 500; i++) {
            t.observe(minute(20.0 + 0.05 * i, 10.0)); // 3 points an hour
        }
        assertThat(features(t)[ScoreFeature.HOT_SLOPE.ordinal()]).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void rates_are_percent_means_of_the_last_ten_minutes_and_streaks_count_minutes_above_the_rule() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 20; i++) {
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        }
        for (int i = 0; i < 12; i++) { // throttling 3 % > 2 % for 12 minutes
            t.observe(new StampMinute(50, 50, 1000, 0.03, 0.01, 100.0, 0.4));
        }
        double[] f = features(t);
        assertThat(f[ScoreFeature.THROTTLING.ordinal()]).isCloseTo(3.0, within(1e-9));
        assertThat(f[ScoreFeature.ERRORS.ordinal()]).isCloseTo(1.0, within(1e-9));
        assertThat(f[ScoreFeature.REACTIVE_MINUTES.ordinal()]).isEqualTo(12.0);
        assertThat(f[ScoreFeature.TOP_CUSTOMER_SHARE.ordinal()]).isCloseTo(40.0, within(1e-9));
        assertThat(t.reactiveFiring()).isTrue();
        t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        assertThat(features(t)[ScoreFeature.REACTIVE_MINUTES.ordinal()]).isZero();
        assertThat(t.reactiveFiring()).isFalse();
    }

    @Test
    void p99_is_measured_against_the_stamps_own_12_hour_mean() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 710; i++) {
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        }
        for (int i = 0; i < 10; i++) {
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 300.0, 0.4));
        }
        // recent mean 300; 12 h mean (710 * 100 + 10 * 300) / 720
        double baseline = (710 * 100.0 + 10 * 300.0) / 720;
        assertThat(features(t)[ScoreFeature.P99_VS_BASELINE.ordinal()]).isCloseTo(300.0 / baseline, within(1e-9));
    }

    @Test
    void growth_compares_the_last_24_hours_of_requests_with_the_24_before() {
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 1440; i++) {
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        }
        assertThat(features(t)[ScoreFeature.GROWTH.ordinal()]).isZero(); // not yet known
        for (int i = 0; i < 1440; i++) {
            t.observe(new StampMinute(50, 50, 1100, 0.0, 0.0, 100.0, 0.4));
        }
        assertThat(features(t)[ScoreFeature.GROWTH.ordinal()]).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void growth_is_not_known_while_an_hour_of_either_day_saw_no_request() {
        // a live tracker's first 11 h read back from an engine that held no traffic for them, then requests as usual:
        // counted as 0 those hours made the day before look 11/24 smaller, "growth" 24/13 - 1 = +85 %
        FeatureTracker t = new FeatureTracker(FeatureSettings.DEFAULTS);
        for (int i = 0; i < 11 * 60; i++) {
            t.observe(new StampMinute(50, 50, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        for (int i = 0; i < 37 * 60; i++) {
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        }
        assertThat(features(t)[ScoreFeature.GROWTH.ordinal()]).isZero();
        for (int i = 0; i < 11 * 60; i++) { // the empty hours have left the two days
            t.observe(new StampMinute(50, 50, 1000, 0.0, 0.0, 100.0, 0.4));
        }
        assertThat(features(t)[ScoreFeature.GROWTH.ordinal()]).isCloseTo(0.0, within(1e-9));
        for (int i = 0; i < 1440; i++) {
            t.observe(new StampMinute(50, 50, 1050, 0.0, 0.0, 100.0, 0.4));
        }
        assertThat(features(t)[ScoreFeature.GROWTH.ordinal()]).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void a_copy_observing_the_same_minutes_gives_the_same_features_bit_for_bit() {
        Random random = new Random(18);
        FeatureTracker original = new FeatureTracker(FeatureSettings.DEFAULTS);
        FeatureTracker copy = new FeatureTracker(FeatureSettings.DEFAULTS);
        copy.observe(randomMinute(random)); // state the copy must overwrite
        for (int i = 0; i < 3_000; i++) {
            StampMinute m = randomMinute(random);
            original.observe(m);
            if (i == 1_234) {
                copy.copyFrom(original);
            } else if (i > 1_234) {
                copy.observe(m);
            }
        }
        double[] a = new double[ScoreFeature.COUNT];
        double[] b = new double[ScoreFeature.COUNT];
        original.features(a);
        copy.features(b);
        assertThat(b).containsExactly(a);
        assertThat(copy.observedMinutes()).isEqualTo(original.observedMinutes());
        assertThat(copy.reactiveFiring()).isEqualTo(original.reactiveFiring());
    }

    private static StampMinute randomMinute(Random r) {
        boolean silent = r.nextInt(20) == 0;
        if (silent) {
            return StampMinute.SILENT;
        }
        long requests = r.nextInt(5_000);
        return new StampMinute(
                r.nextDouble() * 100,
                r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * 100,
                requests,
                requests == 0 ? Double.NaN : r.nextDouble() * 0.05,
                requests == 0 ? Double.NaN : r.nextDouble() * 0.08,
                requests == 0 ? Double.NaN : 200 + r.nextDouble() * 2_500,
                requests == 0 ? Double.NaN : r.nextDouble());
    }
}
