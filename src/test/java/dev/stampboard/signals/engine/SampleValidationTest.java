package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static dev.stampboard.signals.engine.EngineFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleValidationTest {

    private final SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);

    private SampleVerdict cpu(String stamp, PoolKind pool, String node, long minute, double value) {
        return engine.recordCpu(stamp, pool, node, minute, value);
    }

    private static void assertRejected(SampleVerdict verdict, String... words) {
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).isNotBlank();
        for (String word : words) {
            assertThat(verdict.reason()).containsIgnoringCase(word);
        }
    }

    @Test
    void accepted_sample_has_no_reason() {
        SampleVerdict verdict = cpu(STAMP, POOL, "n1", T0, 42.0);
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void rejects_unknown_stamp() {
        assertRejected(cpu("nope", POOL, "n1", T0, 1), "unknown stamp", "nope", "declarePool");
    }

    @Test
    void rejects_pool_the_stamp_does_not_have() {
        assertRejected(cpu(STAMP, PoolKind.DATAPROXY, "n1", T0, 1), "no DATAPROXY pool", STAMP);
    }

    @Test
    void rejects_unknown_node() {
        assertRejected(cpu(STAMP, POOL, "n9", T0, 1), "unknown node", "n9");
    }

    @Test
    void rejects_non_finite_cpu() {
        assertRejected(cpu(STAMP, POOL, "n1", T0, Double.NaN), "finite", "got NaN for node 'n1'");
        assertRejected(cpu(STAMP, POOL, "n1", T0, Double.POSITIVE_INFINITY), "finite", "Infinity");
    }

    @Test
    void rejects_cpu_outside_0_to_100_but_accepts_both_ends() {
        assertThat(cpu(STAMP, POOL, "n1", T0, -1).reason())
                .isEqualTo("cpu must be between 0 and 100 (got -1.0 for node 'n1')");
        assertRejected(cpu(STAMP, POOL, "n1", T0, -0.5), "between 0 and 100", "-0.5");
        assertRejected(cpu(STAMP, POOL, "n1", T0, 100.01), "between 0 and 100", "100.01");
        assertThat(cpu(STAMP, POOL, "n1", T0, 0.0).accepted()).isTrue();
        assertThat(cpu(STAMP, POOL, "n2", T0, 100.0).accepted()).isTrue();
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(100.0);
    }

    @Test
    void a_zero_sample_is_a_value_not_a_gap() {
        record(engine, "n1", T0, 0.0);
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(0.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(0.0);
    }

    @Test
    void negative_zero_is_recorded_as_zero() {
        record(engine, "n1", T0, -0.0);
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(0.0);
        assertThat(engine.recomputeP95FromSamples(STAMP, POOL)).hasValue(0.0);
    }

    @Test
    void rejects_a_minute_in_the_future() {
        // T0 is 2025-01-01T00:00Z: operators read instants, not epoch minutes
        assertThat(cpu(STAMP, POOL, "n1", T0 + 5, 1).reason())
                .startsWith("minute 2025-01-01T00:05:00Z is in the future (now is 2025-01-01T00:00:00Z)")
                .doesNotContain(String.valueOf(T0));
    }

    @Test
    void rejects_a_minute_older_than_retention_and_accepts_the_oldest_kept() {
        assertRejected(
                cpu(STAMP, POOL, "n1", T0 - 720, 1),
                "minute 2024-12-31T12:00:00Z is older than the retention",
                "720 minutes",
                "oldest kept: 2024-12-31T12:01:00Z");
        assertThat(cpu(STAMP, POOL, "n1", T0 - 719, 1).accepted()).isTrue();
    }

    @Test
    void duplicate_is_rejected_and_first_value_kept() {
        record(engine, "n1", T0, 30.0);
        SampleVerdict second = cpu(STAMP, POOL, "n1", T0, 80.0);
        assertRejected(second, "duplicate", "n1", "2025-01-01T00:00:00Z", "30.0", "kept");
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(30.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(30.0);
        assertThat(engine.latestNodeCpu(STAMP, POOL)).containsEntry("n1", 30.0f);
    }

    @Test
    void checks_run_in_the_documented_order() {
        // every check would fail; the first one in the documented order wins
        assertRejected(cpu("nope", PoolKind.DATAPROXY, "n9", T0 + 5, Double.NaN), "unknown stamp");
        assertRejected(cpu(STAMP, PoolKind.DATAPROXY, "n9", T0 + 5, Double.NaN), "no DATAPROXY pool");
        assertRejected(cpu(STAMP, POOL, "n9", T0 + 5, Double.NaN), "unknown node");
        assertRejected(cpu(STAMP, POOL, "n1", T0 + 5, Double.NaN), "NaN");
        assertRejected(cpu(STAMP, POOL, "n1", T0 + 5, 101), "between 0 and 100");
        assertRejected(cpu(STAMP, POOL, "n1", T0 + 5, 50), "future");
        record(engine, "n1", T0, 50);
        assertRejected(cpu(STAMP, POOL, "n1", T0 - 10_000, 50), "older");
        assertRejected(cpu(STAMP, POOL, "n1", T0, 50), "duplicate");
    }

    @Test
    void rejected_samples_leave_no_trace() {
        cpu(STAMP, POOL, "n1", T0, 150.0);
        cpu(STAMP, POOL, "n1", T0 + 1, 60.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
        engine.advanceTo(T0 + 1);
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
        assertThat(engine.latestNodeCpu(STAMP, POOL).values()).allMatch(v -> v.isNaN());
    }

    @Test
    void traffic_is_validated_and_duplicates_keep_the_first_record() {
        assertRejected(
                engine.recordTraffic(ReplicaMinute.of("reg", "weu", "nope", T0), new TrafficCounts(1, 1, 0, 0, 10)),
                "unknown stamp");
        assertRejected(
                engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, T0), new TrafficCounts(-1, 1, 0, 0, 10)),
                "negative");
        assertRejected(
                engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, T0), new TrafficCounts(10, 1, 11, 0, 10)),
                "cannot exceed");
        assertRejected(
                engine.recordTraffic(
                        ReplicaMinute.of("reg", "weu", STAMP, T0), new TrafficCounts(10, 1, 0, 0, Double.NaN)),
                "p99");
        assertRejected(
                engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, T0 + 1), new TrafficCounts(10, 1, 0, 0, 10)),
                "minute 2025-01-01T00:01:00Z is in the future (now is 2025-01-01T00:00:00Z)");
        assertRejected(
                engine.recordTraffic(
                        ReplicaMinute.of("reg", "weu", STAMP, T0 - 720), new TrafficCounts(10, 1, 0, 0, 10)),
                "older",
                "2024-12-31T12:00:00Z");
        assertThat(engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, T0), new TrafficCounts(100, 1, 3, 0, 10))
                        .accepted())
                .isTrue();
        assertRejected(
                engine.recordTraffic(ReplicaMinute.of("reg", "weu", STAMP, T0), new TrafficCounts(100, 1, 50, 0, 10)),
                "duplicate",
                "reg@weu",
                "2025-01-01T00:00:00Z");
        assertThat(engine.reactiveSeries(AlertSubject.replica("reg", "weu"), ReactiveMetric.THROTTLING_RATE, T0, T0))
                .containsExactly(0.03);
        assertThat(engine.reactiveSeries(AlertSubject.stamp(STAMP), ReactiveMetric.THROTTLING_RATE, T0, T0))
                .containsExactly(0.03);
    }

    @Test
    void declaring_an_existing_pool_again_changes_nothing() {
        record(engine, "n1", T0, 12.0);
        engine.declarePool(STAMP, POOL, List.of("n1", "n2", "n3"));
        assertThat(engine.hasPool(STAMP, POOL)).isTrue();
        assertThat(engine.hasPool(STAMP, PoolKind.DATAPROXY)).isFalse();
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(12.0);
    }
}
