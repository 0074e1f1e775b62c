package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficShareTest {

    private final SignalEngine engine = new SignalEngine(SignalSettings.defaults(), T0);

    TrafficShareTest() {
        for (String stamp : List.of("s1", "s2")) {
            engine.declarePool(stamp, PoolKind.REGISTRY, List.of("r1"));
            engine.declarePool(stamp, PoolKind.DATAPROXY, List.of("d1"));
        }
    }

    private void traffic(String registry, String stamp, long minute, long requests, long bytes) {
        assertThat(engine.recordTraffic(
                                ReplicaMinute.of(registry, "weu", stamp, minute),
                                new TrafficCounts(requests, bytes, 0, 0, 10))
                        .accepted())
                .isTrue();
    }

    @Test
    void registry_pool_share_counts_requests_and_dataproxy_pool_counts_bytes() {
        traffic("a", "s1", T0, 300, 1_000);
        traffic("b", "s1", T0, 100, 9_000);
        traffic("a", "s1", T0 - 1, 100, 0);

        // requests: a 400, b 100 of 500
        assertThat(engine.trafficShare("s1", PoolKind.REGISTRY))
                .extracting(TrafficShare::registry, TrafficShare::share, TrafficShare::requests, TrafficShare::bytes)
                .containsExactly(tuple("a", 0.8, 400L, 1_000L), tuple("b", 0.2, 100L, 9_000L));
        // bytes: b 9000, a 1000 of 10000
        assertThat(engine.trafficShare("s1", PoolKind.DATAPROXY))
                .extracting(TrafficShare::registry, TrafficShare::share)
                .containsExactly(tuple("b", 0.9), tuple("a", 0.1));
    }

    @Test
    void after_a_home_stamp_change_each_minute_counts_for_the_stamp_that_served_it() {
        traffic("a", "s1", T0 - 2, 100, 0);
        traffic("b", "s1", T0 - 2, 100, 0);
        traffic("a", "s2", T0 - 1, 300, 0); // a moved to s2
        traffic("b", "s1", T0 - 1, 100, 0);
        traffic("c", "s2", T0, 100, 0);
        traffic("a", "s2", T0, 100, 0);

        // s1: a 100 (T0-2 only), b 200 -> 1/3, 2/3
        assertThat(engine.trafficShare("s1", PoolKind.REGISTRY))
                .extracting(TrafficShare::subject, TrafficShare::requests)
                .containsExactly(tuple("b@weu", 200L), tuple("a@weu", 100L));
        assertThat(engine.trafficShare("s1", PoolKind.REGISTRY).get(0).share()).isEqualTo(200.0 / 300.0);
        // s2: a 400, c 100 -> 0.8, 0.2
        assertThat(engine.trafficShare("s2", PoolKind.REGISTRY))
                .extracting(TrafficShare::registry, TrafficShare::share)
                .containsExactly(tuple("a", 0.8), tuple("c", 0.2));
    }

    @Test
    void minutes_outside_the_peak_window_do_not_count() {
        traffic("old", "s1", T0 - 700, 1_000, 0);
        engine.advanceTo(T0 + 100); // T0-700 is now 800 minutes back, outside 12 h
        traffic("new", "s1", T0 + 100, 10, 0);
        assertThat(engine.trafficShare("s1", PoolKind.REGISTRY))
                .extracting(TrafficShare::registry, TrafficShare::share)
                .containsExactly(tuple("new", 1.0));
    }

    @Test
    void no_traffic_gives_an_empty_list() {
        assertThat(engine.trafficShare("s2", PoolKind.REGISTRY)).isEmpty();
    }
}
