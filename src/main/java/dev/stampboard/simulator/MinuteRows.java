package dev.stampboard.simulator;

import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.signals.ingestion.SimulatedTelemetryStore;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.ReplicaTraffic;
import java.util.List;

/**
 * A generated minute as the rest of the console takes it: the rows stored for the other instances and the samples fed
 * to this instance's engine, the replica traffic turned into the engine's counts in one place for both.
 */
final class MinuteRows {

    private MinuteRows() {}

    static List<SimulatedTelemetryStore.Cpu> cpu(MinuteSnapshot snapshot) {
        return snapshot.nodeCpu().stream()
                .map(s -> new SimulatedTelemetryStore.Cpu(s.stamp(), s.pool(), s.node(), s.cpu()))
                .toList();
    }

    static List<SimulatedTelemetryStore.Traffic> traffic(MinuteSnapshot snapshot) {
        return snapshot.traffic().stream()
                .map(t -> new SimulatedTelemetryStore.Traffic(t.registry(), t.region(), t.stamp(), counts(t)))
                .toList();
    }

    /** Records the minute in this instance's engine, as ingestion records what it stored. */
    static void feed(MinuteSnapshot snapshot, SignalFeed signals) {
        snapshot.nodeCpu()
                .forEach(s -> signals.recordSimulatedCpu(s.stamp(), s.pool(), s.node(), snapshot.minute(), s.cpu()));
        snapshot.traffic()
                .forEach(t -> signals.recordTraffic(
                        ReplicaMinute.of(t.registry(), t.region(), t.stamp(), snapshot.minute()), counts(t)));
    }

    /** A replica's minute as the signals engine counts it, stored or fed. */
    private static TrafficCounts counts(ReplicaTraffic t) {
        return new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99LatencyMs());
    }
}
