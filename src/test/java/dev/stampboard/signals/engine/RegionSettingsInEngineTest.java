package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static dev.stampboard.signals.engine.EngineFixtures.recordSeriesEndingNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region's own peak window and reactive rules, as the engine applies them to that region's stamps. */
class RegionSettingsInEngineTest {

    private static final SignalSettings LONG_RETENTION =
            SignalSettings.defaults().withRetentionMinutes(1500);

    /** 40 minutes at 90 %, then the last 60 minutes at 10 %. */
    private static SignalEngine engine() {
        SignalEngine engine = engineWithPool(LONG_RETENTION, T0);
        double[] values = new double[100];
        Arrays.fill(values, 0, 40, 90.0);
        Arrays.fill(values, 40, 100, 10.0);
        recordSeriesEndingNow(engine, values);
        return engine;
    }

    @Test
    void a_stamp_with_a_window_of_its_own_computes_its_p95_over_that_window() {
        SignalEngine engine = engine();
        // default trailing 12 h: 100 values, rank ceil(0.95 × 100) = 95 lies in the top 40 → 90
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(90.0);
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.HOT);

        engine.setStampPeakWindow(STAMP, new PeakWindow.Trailing(60));
        // only the last 60 minutes, all at 10 %
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(10.0);
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.OK);
        assertThat(engine.peakWindowOf(STAMP)).isEqualTo(new PeakWindow.Trailing(60));

        engine.setStampPeakWindow(STAMP, null);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(90.0);
    }

    @Test
    void a_daily_window_of_its_own_takes_the_minutes_of_todays_occurrence() {
        SignalEngine engine = engine();
        // T0 is 2025-01-01T00:00Z; a daily 23:00–01:00 UTC window started 60 minutes ago: [T0-60, T0]
        engine.setStampPeakWindow(
                STAMP, new PeakWindow.DailyFixed(LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneOffset.UTC));
        // 61 minutes: 90 % ran T0-99..T0-60, so one 90 and sixty 10s; rank ceil(0.95 × 61) = 58 → 10
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(10.0);
    }

    @Test
    void a_window_longer_than_retention_is_refused() {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        assertThatThrownBy(() -> engine.setStampPeakWindow(STAMP, new PeakWindow.Trailing(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 1000 minutes of retention");
    }

    @Test
    void each_subject_is_judged_by_its_own_rules() {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        for (long m = T0 - 11; m <= T0; m++) {
            engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, m), new TrafficCounts(100, 1000, 3, 0, 100));
        }
        List<ReactiveRule> lenient = List.of(new ReactiveRule("throttling", ReactiveMetric.THROTTLING_RATE, 0.05, 10));
        // 3 % throttling for 12 minutes: fires under the default 2 % rule, not under a region's 5 %
        assertThat(engine.activeAlerts())
                .extracting(ReactiveAlert::subject)
                .containsExactly(AlertSubject.stamp(STAMP), AlertSubject.replica("reg", "weu"));
        assertThat(engine.activeAlerts(subject -> lenient)).isEmpty();
        assertThat(engine.activeAlerts(subject ->
                        subject.equals(AlertSubject.stamp(STAMP)) ? SignalSettings.defaultReactiveRules() : lenient))
                .extracting(ReactiveAlert::subject)
                .containsExactly(AlertSubject.stamp(STAMP));
    }
}
