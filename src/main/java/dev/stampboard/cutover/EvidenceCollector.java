package dev.stampboard.cutover;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.NearestRank;
import dev.stampboard.signals.engine.ReactiveMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what validation needs from the signals engine. The baseline is the peak window before the
 * cutover and the measurement the peak window at the end of validation: 24 h and 48 h windows end at
 * the same time of day they started, so both cover the same hours of the day.
 */
@Component
class EvidenceCollector {

    private final SignalsService signals;
    private final FleetService fleet;

    EvidenceCollector(SignalsService signals, FleetService fleet) {
        this.signals = signals;
        this.fleet = fleet;
    }

    /**
     * What a move's verdict is judged on, now: the replica's latency and throughput beside its baseline,
     * every pool of the batch prediction measured, the destination's pools even where nothing was
     * predicted (a new dedicated stamp), and the reactive triggers firing.
     */
    ValidationEvidence at(MoveRun m, List<MovePrediction> predicted) {
        String region = m.execution.region();
        String to = m.execution.toStamp();
        List<MovePrediction> source = new ArrayList<>();
        List<MovePrediction> destination = new ArrayList<>();
        for (MovePrediction p : predicted) {
            MovePrediction measured = new MovePrediction(
                    p.stamp(), p.pool(), p.before(), p.predicted(), p95(p.stamp(), PoolKind.valueOf(p.pool())));
            (p.stamp().equals(to) ? destination : source).add(measured);
        }
        for (PoolKind pool : PoolKind.values()) {
            if (destination.stream().noneMatch(p -> p.pool().equals(pool.name()))) {
                destination.add(new MovePrediction(to, pool.name(), null, null, p95(to, pool)));
            }
        }
        return new ValidationEvidence(
                m.baselineP99Ms,
                p99Ms(m.registry(), region),
                m.baselineRequests,
                requestsPerMinute(m.registry(), region),
                source,
                destination,
                threshold(),
                alertsFor(m.registry(), region, to));
    }

    /**
     * As {@link #at(MoveRun, List)}, but latency and throughput judged over the whole watched window, the
     * destination's pools over it too, with how the source drained and any fail criterion found sustained.
     */
    ValidationEvidence at(
            MoveRun m,
            List<MovePrediction> predicted,
            Map<String, double[]> window,
            @Nullable String drain,
            @Nullable String sustainedFailure) {
        ValidationEvidence now = at(m, predicted);
        double threshold = now.threshold();
        List<ValidationEvidence.WindowPool> pools = new ArrayList<>();
        for (PoolKind pool : PoolKind.values()) {
            double[] values = window.get(ValidationWatch.poolSeries(m.execution.toStamp(), pool));
            double[] present = values == null
                    ? new double[0]
                    : Arrays.stream(values)
                            .filter(v -> !Double.isNaN(v))
                            .sorted()
                            .toArray();
            if (present.length > 0) {
                int above =
                        (int) Arrays.stream(present).filter(v -> v > threshold).count();
                pools.add(new ValidationEvidence.WindowPool(
                        m.execution.toStamp(),
                        pool.name(),
                        present[NearestRank.p95Rank(present.length) - 1],
                        present.length,
                        above));
            }
        }
        Double p99 = median(window.getOrDefault(ValidationWatch.P99, new double[0]));
        Double requests = mean(window.getOrDefault(ValidationWatch.REQUESTS, new double[0]));
        return new ValidationEvidence(
                now.baselineP99Ms(),
                p99 != null ? p99 : now.measuredP99Ms(),
                now.baselineRequests(),
                requests != null ? requests : now.measuredRequests(),
                now.sourcePools(),
                now.destinationPools(),
                threshold,
                now.reactiveAlerts(),
                pools,
                drain,
                sustainedFailure);
    }

    private static @Nullable Double mean(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return present.length == 0 ? null : Arrays.stream(present).average().orElseThrow();
    }

    /** Median p99 latency of the replica over the current window (robust to a few spiky minutes). */
    @Nullable
    Double p99Ms(String registry, String region) {
        double[] values = signals.reactiveSeries(
                AlertSubject.replica(registry, region), ReactiveMetric.P99_LATENCY_MS, signals.peakRange());
        return median(values);
    }

    /** Mean requests per minute of the replica over the current window, wherever it was served. */
    @Nullable
    Double requestsPerMinute(String registry, String region) {
        MinuteRange range = signals.peakRange();
        double[] requests = signals.replicaTraffic(registry, region, range).requests();
        double sum = 0;
        int n = 0;
        for (double r : requests) {
            if (!Double.isNaN(r)) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    @Nullable
    Double p95(String stamp, PoolKind pool) {
        if (fleet.stamp(stamp).isEmpty()) {
            return null;
        }
        OptionalDouble v = signals.hotNodeP95(stamp, pool);
        return v.isPresent() ? v.getAsDouble() : null;
    }

    double threshold() {
        return signals.settings().hotThreshold();
    }

    List<String> alertsFor(String registry, String region, String destination) {
        List<String> out = new ArrayList<>();
        AlertSubject replica = AlertSubject.replica(registry, region);
        AlertSubject stamp = AlertSubject.stamp(destination);
        signals.activeAlerts().stream()
                .filter(a -> a.subject().equals(replica) || a.subject().equals(stamp))
                .forEach(a -> out.add(a.subject().label() + ": " + a.rule().name() + " (now " + a.latestValue() + ")"));
        return out;
    }

    private static @Nullable Double median(double[] values) {
        double[] present =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return null;
        }
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }
}
