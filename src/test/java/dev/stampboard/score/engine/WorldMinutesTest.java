package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.SignalEngine;
import dev.stampboard.signals.engine.SignalSettings;
import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.ReplicaTraffic;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.ScenarioRegistry;
import dev.stampboard.simulator.model.StampLayout;
import dev.stampboard.simulator.model.VariedScenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training reads the world directly; live scoring reads the signals engine: both must see the same minute. */
class WorldMinutesTest {

    @Test
    void the_worlds_minute_reads_as_the_signals_engine_aggregates_it() {
        Scenario scenario = VariedScenarios.region("eastus", "America/New_York", 12, 5);
        long minute = SimulatedHistory.START_MINUTE + 14 * 60; // a busy hour
        MinuteSnapshot snapshot = new FleetTrafficModel(scenario, 5).minute(minute, scenario.initialLayout());
        List<StampLayout> stamps = scenario.initialLayout().stamps();

        SignalEngine engine = new SignalEngine(SignalSettings.defaults(), minute);
        for (StampLayout s : stamps) {
            engine.declarePool(s.name(), PoolKind.REGISTRY, s.registryNodes());
            engine.declarePool(s.name(), PoolKind.DATAPROXY, s.dataproxyNodes());
        }
        snapshot.nodeCpu().forEach(c -> engine.recordCpu(c.stamp(), c.pool(), c.node(), minute, c.cpu()));
        for (ReplicaTraffic t : snapshot.traffic()) {
            engine.recordTraffic(
                    ReplicaMinute.of(t.registry(), t.region(), t.stamp(), minute),
                    new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99LatencyMs()));
        }
        Map<String, String> customers = new HashMap<>();
        scenario.registries().forEach((ScenarioRegistry r) -> customers.put(r.name(), r.customer()));
        StampMinute[] ours =
                new WorldMinutes(stamps.stream().map(StampLayout::name).toList(), customers).of(snapshot);

        for (int i = 0; i < stamps.size(); i++) {
            String stamp = stamps.get(i).name();
            assertThat(ours[i].hotRegistry())
                    .isCloseTo(
                            engine.hotNodeMinuteValue(stamp, PoolKind.REGISTRY, minute)
                                    .getAsDouble(),
                            within(1e-4));
            assertThat(ours[i].hotDataproxy())
                    .isCloseTo(
                            engine.hotNodeMinuteValue(stamp, PoolKind.DATAPROXY, minute)
                                    .getAsDouble(),
                            within(1e-4));
            assertThat(ours[i].throttlingRate())
                    .isCloseTo(
                            engine.reactiveSeries(
                                            AlertSubject.stamp(stamp), ReactiveMetric.THROTTLING_RATE, minute, minute)[
                                    0],
                            within(1e-12));
            assertThat(ours[i].errorRate())
                    .isCloseTo(
                            engine.reactiveSeries(AlertSubject.stamp(stamp), ReactiveMetric.ERROR_RATE, minute, minute)[
                                    0],
                            within(1e-12));
            assertThat(ours[i].p99Ms())
                    .isCloseTo(
                            engine.reactiveSeries(
                                            AlertSubject.stamp(stamp), ReactiveMetric.P99_LATENCY_MS, minute, minute)[
                                    0],
                            within(1e-9));
            assertThat(ours[i].requests()).isPositive();
            assertThat(ours[i].topCustomerShare()).isBetween(0.0, 1.0);
        }
    }
}
