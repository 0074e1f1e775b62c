package dev.stampboard.score;

import static dev.stampboard.base.Maps.known;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.StampMinute;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.TrafficSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One minute of every stamp as the signals engine holds it, in the shape the training read from the world
 * ({@code WorldMinutes}): each pool's hot-node value, the stamp's throttling and 5xx rates and p99, its requests
 * (summed over the replicas it served that minute) and the biggest customer's share of them.
 */
final class LiveObservations {

    private final SignalsService signals;
    private final FleetService fleet;

    LiveObservations(SignalsService signals, FleetService fleet) {
        this.signals = signals;
        this.fleet = fleet;
    }

    Map<String, StampMinute> at(long minute, List<StampInfo> stamps) {
        MinuteRange range = new MinuteRange(minute, minute);
        Map<String, long[]> requests = new HashMap<>();
        Map<String, Map<String, Long>> byCustomer = new HashMap<>();
        for (RegistryInfo registry : fleet.registries()) {
            for (ReplicaInfo replica : registry.replicas()) {
                TrafficSeries t = signals.replicaTraffic(registry.name(), replica.region(), range);
                String servedBy = t.servedBy()[0];
                double r = t.requests()[0];
                if (servedBy == null || Double.isNaN(r) || r <= 0) {
                    continue;
                }
                requests.computeIfAbsent(servedBy, k -> new long[1])[0] += (long) r;
                byCustomer
                        .computeIfAbsent(servedBy, k -> new HashMap<>())
                        .merge(registry.customer(), (long) r, Long::sum);
            }
        }
        Map<String, StampMinute> out = new HashMap<>();
        for (StampInfo stamp : stamps) {
            String name = stamp.name();
            long total = requests.getOrDefault(name, new long[1])[0];
            double top = Double.NaN;
            if (total > 0) {
                top = known(byCustomer, name).values().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0)
                        / (double) total;
            }
            out.put(
                    name,
                    new StampMinute(
                            hot(stamp, PoolKind.REGISTRY, range),
                            hot(stamp, PoolKind.DATAPROXY, range),
                            total,
                            signals.reactiveSeries(name, ReactiveMetric.THROTTLING_RATE, range)[0],
                            signals.reactiveSeries(name, ReactiveMetric.ERROR_RATE, range)[0],
                            signals.reactiveSeries(name, ReactiveMetric.P99_LATENCY_MS, range)[0],
                            top));
        }
        return out;
    }

    private double hot(StampInfo stamp, PoolKind pool, MinuteRange range) {
        if (stamp.pool(pool).isEmpty()) {
            return Double.NaN;
        }
        try {
            return signals.hotNodeMinutes(stamp.name(), pool, range)[0];
        } catch (RuntimeException notYetInTheEngine) {
            return Double.NaN; // a stamp just declared: its pools reach the engine with the next event
        }
    }
}
