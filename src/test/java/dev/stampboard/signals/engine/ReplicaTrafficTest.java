package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaTrafficTest {

    private final SignalEngine engine = new SignalEngine(SignalSettings.defaults(), T0);

    ReplicaTrafficTest() {
        for (String stamp : List.of("s1", "s2")) {
            engine.declarePool(stamp, PoolKind.REGISTRY, List.of("r1"));
        }
    }

    private void traffic(String registry, String region, String stamp, long minute, long requests, long bytes) {
        assertThat(engine.recordTraffic(
                                ReplicaMinute.of(registry, region, stamp, minute),
                                new TrafficCounts(requests, bytes, 0, 0, 10))
                        .accepted())
                .isTrue();
    }

    @Test
    void returns_every_minute_of_the_range_with_nan_where_the_replica_did_not_report() {
        traffic("a", "weu", "s1", T0 - 3, 100, 1_000);
        traffic("a", "weu", "s1", T0 - 1, 50, 500);
        traffic("a", "weu", "s1", T0, 0, 0);

        TrafficSeries series = engine.replicaTraffic("a", "weu", T0 - 3, T0);

        assertThat(series.minutes()).containsExactly(T0 - 3, T0 - 2, T0 - 1, T0);
        assertThat(series.requests()).containsExactly(100, Double.NaN, 50, 0);
        assertThat(series.bytes()).containsExactly(1_000, Double.NaN, 500, 0);
        assertThat(series.servedBy()).containsExactly("s1", null, "s1", "s1");
        assertThat(series.hasData()).isTrue();
    }

    @Test
    void keeps_replicas_of_other_regions_and_registries_apart() {
        traffic("a", "weu", "s1", T0, 100, 1_000);
        traffic("a", "neu", "s1", T0, 7, 70);
        traffic("b", "weu", "s1", T0, 9, 90);

        assertThat(engine.replicaTraffic("a", "neu", T0, T0).requests()).containsExactly(7);
        assertThat(engine.replicaTraffic("b", "weu", T0, T0).bytes()).containsExactly(90);
    }

    @Test
    void names_the_stamp_that_served_each_minute_across_a_home_stamp_change() {
        traffic("a", "weu", "s1", T0 - 1, 100, 1_000);
        traffic("a", "weu", "s2", T0, 200, 2_000);

        TrafficSeries series = engine.replicaTraffic("a", "weu", T0 - 1, T0);

        assertThat(series.servedBy()).containsExactly("s1", "s2");
        assertThat(series.requests()).containsExactly(100, 200);
    }

    @Test
    void future_and_expired_minutes_and_unknown_replicas_read_as_nan() {
        traffic("a", "weu", "s1", T0, 100, 1_000);
        long retention = engine.settings().retentionMinutes();

        TrafficSeries future = engine.replicaTraffic("a", "weu", T0, T0 + 2);
        assertThat(future.requests()).containsExactly(100, Double.NaN, Double.NaN);

        engine.advanceTo(T0 + retention);
        assertThat(engine.replicaTraffic("a", "weu", T0, T0).requests()).containsExactly(Double.NaN);
        assertThat(engine.replicaTraffic("a", "weu", T0, T0).hasData()).isFalse();

        TrafficSeries unknown = engine.replicaTraffic("nobody", "weu", T0, T0 + 1);
        assertThat(unknown.size()).isEqualTo(2);
        assertThat(unknown.requests()).containsOnly(Double.NaN);
        assertThat(unknown.hasData()).isFalse();
    }

    @Test
    void rejects_a_reversed_range() {
        assertThatThrownBy(() -> engine.replicaTraffic("a", "weu", T0, T0 - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
