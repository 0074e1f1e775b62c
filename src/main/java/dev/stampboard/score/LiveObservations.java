package dev.stampboard.score;

import static dev.stampboard.base.Maps.known;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.StampMinute;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.TrafficSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minutes of stamps as the signals engine holds them, in the shape the training read from the world
 * ({@code WorldMinutes}): each pool's hot-node value, the stamp's throttling and 5xx rates and p99, its requests
 * (summed over the replicas it served that minute) and the biggest customer's share of them.
 */
final class LiveObservations implements EngineMinutes {

    private final SignalsService signals;
    private final FleetService fleet;

    LiveObservations(SignalsService signals, FleetService fleet) {
        this.signals = signals;
        this.fleet = fleet;
    }

    /**
     * Every minute of {@code [from, to]} of each of {@code stamps}: index {@code i} is minute {@code from + i}. One
     * range read per series, so a late minute or a stamp's whole 12 h costs one pass over the replicas.
     */
    @Override
    public Map<String, StampMinute[]> range(long from, long to, List<StampInfo> stamps) {
        MinuteRange range = new MinuteRange(from, to);
        int length = Math.toIntExact(to - from + 1);
        Map<String, long[]> requests = new HashMap<>();
        Map<String, Map<String, long[]>> byCustomer = new HashMap<>();
        for (StampInfo stamp : stamps) {
            requests.put(stamp.name(), new long[length]);
            byCustomer.put(stamp.name(), new HashMap<>());
        }
        for (RegistryInfo registry : fleet.registries()) {
            for (ReplicaInfo replica : registry.replicas()) {
                TrafficSeries t = signals.replicaTraffic(registry.name(), replica.region(), range);
                for (int i = 0; i < length; i++) {
                    String servedBy = t.servedBy()[i];
                    double r = t.requests()[i];
                    long[] total = servedBy == null ? null : requests.get(servedBy);
                    if (total == null || Double.isNaN(r) || r <= 0) {
                        continue;
                    }
                    total[i] += (long) r;
                    known(byCustomer, servedBy).computeIfAbsent(registry.customer(), k -> new long[length])[i] +=
                            (long) r;
                }
            }
        }
        Map<String, StampMinute[]> out = new HashMap<>();
        for (StampInfo stamp : stamps) {
            String name = stamp.name();
            long[] total = known(requests, name);
            Map<String, long[]> customers = known(byCustomer, name);
            float[] registry = hot(stamp, PoolKind.REGISTRY, range, length);
            float[] dataproxy = hot(stamp, PoolKind.DATAPROXY, range, length);
            AlertSubject subject = AlertSubject.stamp(name);
            double[] throttling = signals.reactiveSeries(subject, ReactiveMetric.THROTTLING_RATE, range);
            double[] errors = signals.reactiveSeries(subject, ReactiveMetric.ERROR_RATE, range);
            double[] p99 = signals.reactiveSeries(subject, ReactiveMetric.P99_LATENCY_MS, range);
            StampMinute[] minutes = new StampMinute[length];
            for (int i = 0; i < length; i++) {
                double top = Double.NaN;
                if (total[i] > 0) {
                    long biggest = 0;
                    for (long[] perMinute : customers.values()) {
                        biggest = Math.max(biggest, perMinute[i]);
                    }
                    top = biggest / (double) total[i];
                }
                minutes[i] =
                        new StampMinute(registry[i], dataproxy[i], total[i], throttling[i], errors[i], p99[i], top);
            }
            out.put(name, minutes);
        }
        return out;
    }

    private float[] hot(StampInfo stamp, PoolKind pool, MinuteRange range, int length) {
        if (stamp.pool(pool).isPresent()) {
            try {
                return signals.hotNodeMinutes(stamp.name(), pool, range);
            } catch (RuntimeException notYetInTheEngine) {
                // a stamp just declared: its pools reach the engine with the next event
            }
        }
        float[] none = new float[length];
        java.util.Arrays.fill(none, Float.NaN);
        return none;
    }
}
