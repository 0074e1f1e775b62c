package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReactiveTriggerTest {

    private final SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);

    private void traffic(String registry, long minute, long requests, long throttled, long errors, double p99) {
        SampleVerdict verdict = engine.recordTraffic(
                ReplicaMinute.of(registry, "weu", STAMP, minute),
                new TrafficCounts(requests, requests * 1000, throttled, errors, p99));
        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
    }

    private void throttledMinutes(long from, long to, long throttledPer100) {
        for (long m = from; m <= to; m++) {
            traffic("reg", m, 100, throttledPer100, 0, 100);
        }
    }

    private List<ReactiveAlert> alerts(String ruleName) {
        return engine.activeAlerts().stream()
                .filter(a -> a.rule().name().equals(ruleName))
                .toList();
    }

    @Test
    void throttling_fires_at_exactly_10_minutes_not_at_9() {
        throttledMinutes(T0 - 8, T0, 3); // 9 minutes at 3 %
        assertThat(alerts("throttling")).isEmpty();

        engine.advanceTo(T0 + 1);
        throttledMinutes(T0 + 1, T0 + 1, 3); // 10th minute
        List<ReactiveAlert> firing = alerts("throttling");
        assertThat(firing)
                .extracting(ReactiveAlert::subject)
                .containsExactly(AlertSubject.stamp(STAMP), AlertSubject.replica("reg", "weu"));
        assertThat(firing).allSatisfy(alert -> {
            assertThat(alert.sinceMinute()).isEqualTo(T0 - 8);
            assertThat(alert.latestValue()).isCloseTo(0.03, within(1e-12));
        });
    }

    @Test
    void a_value_equal_to_the_threshold_is_not_above_it() {
        throttledMinutes(T0 - 9, T0, 2); // exactly 2 % for 10 minutes
        assertThat(alerts("throttling")).isEmpty();
    }

    @Test
    void a_minute_without_traffic_breaks_the_streak() {
        throttledMinutes(T0 - 20, T0 - 10, 5); // 11 minutes, then nothing at T0-9
        throttledMinutes(T0 - 8, T0, 5); // 9 minutes
        assertThat(alerts("throttling")).isEmpty();
    }

    @Test
    void a_minute_with_zero_requests_has_no_rate_and_breaks_the_streak() {
        throttledMinutes(T0 - 20, T0 - 10, 5);
        traffic("reg", T0 - 9, 0, 0, 0, 0);
        throttledMinutes(T0 - 8, T0, 5);
        assertThat(engine.reactiveSeries(
                        AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0 - 10, T0 - 8))
                .containsExactly(0.05, Double.NaN, 0.05);
        assertThat(alerts("throttling")).isEmpty();
    }

    @Test
    void the_latest_reported_minute_must_be_above_threshold() {
        throttledMinutes(T0 - 12, T0 - 3, 5); // 10 minutes; the last two minutes not reported yet (a late collector)
        assertThat(alerts("throttling")).extracting(ReactiveAlert::sinceMinute).containsOnly(T0 - 12);
        throttledMinutes(T0 - 2, T0 - 2, 1); // a late minute below the threshold ends the streak
        assertThat(alerts("throttling")).isEmpty();
    }

    @Test
    void a_subject_silent_for_longer_than_the_reporting_delay_has_nothing_firing() {
        throttledMinutes(T0 - 20, T0 - TrafficLedger.REPORTING_DELAY_MINUTES, 5);
        assertThat(alerts("throttling")).hasSize(2); // the stamp and the replica
        engine.advanceTo(T0 + 1);
        assertThat(alerts("throttling")).isEmpty();
    }

    @Test
    void since_is_the_first_minute_of_the_current_streak() {
        throttledMinutes(T0 - 30, T0 - 25, 5); // an older streak
        throttledMinutes(T0 - 24, T0 - 24, 1); // below threshold
        throttledMinutes(T0 - 23, T0, 5); // current streak of 24 minutes
        assertThat(alerts("throttling")).extracting(ReactiveAlert::sinceMinute).containsOnly(T0 - 23);
    }

    @Test
    void error_burst_fires_after_5_minutes_above_5_percent() {
        for (long m = T0 - 3; m <= T0; m++) {
            traffic("reg", m, 200, 0, 11, 100); // 5.5 % for 4 minutes
        }
        assertThat(alerts("5xx burst")).isEmpty();
        engine.advanceTo(T0 + 1);
        traffic("reg", T0 + 1, 200, 0, 20, 100); // 10 % — 5th minute
        assertThat(alerts("5xx burst")).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.sinceMinute()).isEqualTo(T0 - 3);
            assertThat(alert.latestValue()).isEqualTo(0.1);
        });
    }

    @Test
    void stamp_rates_aggregate_the_replicas_it_served() {
        for (long m = T0 - 9; m <= T0; m++) {
            traffic("quiet", m, 100, 1, 0, 50); // 1 %
            traffic("noisy", m, 100, 5, 0, 50); // 5 %
        }
        // stamp: 6 / 200 = 3 % > 2 %
        assertThat(engine.reactiveSeries(AlertSubject.stamp(STAMP), ReactiveMetric.THROTTLING_RATE, T0, T0))
                .containsExactly(0.03);
        assertThat(alerts("throttling"))
                .extracting(ReactiveAlert::subject)
                .containsExactly(AlertSubject.stamp(STAMP), AlertSubject.replica("noisy", "weu"));
    }

    @Test
    void stamp_p99_is_the_highest_among_replicas_with_requests() {
        for (long m = T0 - 9; m <= T0; m++) {
            traffic("a", m, 10, 0, 0, 2500);
            traffic("b", m, 10, 0, 0, 900);
            traffic("idle", m, 0, 0, 0, 9999); // no requests: its p99 means nothing
        }
        assertThat(engine.reactiveSeries(AlertSubject.stamp(STAMP), ReactiveMetric.P99_LATENCY_MS, T0 - 1, T0))
                .containsExactly(2500.0, 2500.0);
        assertThat(engine.reactiveSeries(AlertSubject.replica("idle", "weu"), ReactiveMetric.P99_LATENCY_MS, T0, T0))
                .containsExactly(Double.NaN);
        assertThat(alerts("p99 latency"))
                .extracting(ReactiveAlert::subject)
                .containsExactly(AlertSubject.stamp(STAMP), AlertSubject.replica("a", "weu"));
    }

    @Test
    void reactive_series_is_nan_outside_retention_and_in_the_future() {
        traffic("reg", T0, 100, 4, 0, 100);
        assertThat(engine.reactiveSeries(
                        AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0 - 720, T0 + 1))
                .hasSize(722)
                .startsWith(Double.NaN)
                .endsWith(0.04, Double.NaN);
    }

    @Test
    void traffic_history_survives_a_retention_change_as_far_as_it_fits() {
        traffic("reg", T0 - 100, 100, 7, 0, 100);
        traffic("reg", T0, 100, 9, 0, 100);
        engine.updateSettings(engine.settings().withRetentionMinutes(2_000));
        assertThat(engine.reactiveSeries(
                        AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0 - 100, T0 - 100))
                .containsExactly(0.07);
        assertThat(engine.reactiveSeries(AlertSubject.stamp(STAMP), ReactiveMetric.THROTTLING_RATE, T0, T0))
                .containsExactly(0.09);

        engine.updateSettings(engine.settings().withPeakWindow(new PeakWindow.Trailing(60))); // retention 60
        assertThat(engine.reactiveSeries(
                        AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0 - 100, T0 - 100))
                .containsExactly(Double.NaN);
        assertThat(engine.reactiveSeries(AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0, T0))
                .containsExactly(0.09);
    }

    @Test
    void rules_are_configurable_at_runtime() {
        throttledMinutes(T0 - 2, T0, 1); // 1 % for 3 minutes: no default rule fires
        assertThat(engine.activeAlerts()).isEmpty();
        engine.updateSettings(engine.settings()
                .withReactiveRules(
                        List.of(new ReactiveRule("any throttling", ReactiveMetric.THROTTLING_RATE, 0.0, 3))));
        assertThat(engine.activeAlerts())
                .extracting(a -> a.rule().name())
                .containsExactly("any throttling", "any throttling");
    }
}
