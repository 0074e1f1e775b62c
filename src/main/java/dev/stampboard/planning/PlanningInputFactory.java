package dev.stampboard.planning;

import dev.stampboard.calibration.CalibrationService;
import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.PoolLoad;
import dev.stampboard.planning.engine.RegistryLoad;
import dev.stampboard.planning.engine.StampLoad;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.TriggerService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.TrafficSeries;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a region's live signals into the planner's input: each pool's hot-node minute series and
 * each replica's per-minute share of its stamp's traffic (requests for the registry pool, bytes
 * for the dataproxy pool), all aligned to the peak window.
 */
@Component
class PlanningInputFactory {

    private final FleetService fleet;
    private final SignalsService signals;
    private final PlanningProperties properties;
    private final CalibrationService calibration;
    private final TriggerService triggers;

    PlanningInputFactory(
            FleetService fleet,
            SignalsService signals,
            PlanningProperties properties,
            CalibrationService calibration,
            TriggerService triggers) {
        this.fleet = fleet;
        this.signals = signals;
        this.properties = properties;
        this.calibration = calibration;
        this.triggers = triggers;
    }

    /** A line for the plan's notes: whether its predictions are calibrated, and from how many moves. */
    String calibrationNote() {
        return calibration.planNote();
    }

    PlanningInput build(String region, Set<String> sourceStamps, PlanningSettings settings) {
        MinuteRange range = signals.peakRange(region);
        int n = (int) (range.toMinute() - range.fromMinute() + 1);
        // DESIGN §12: once enough moves have been measured, the model predicts with the calibrated parameters
        Calibration c = calibration.forPlanner();
        List<StampLoad> stamps = new ArrayList<>();
        for (StampInfo stamp : fleet.stamps(region)) {
            Map<PoolKind, PoolLoad> pools = new EnumMap<>(PoolKind.class);
            for (PoolKind kind : PoolKind.values()) {
                stamp.pool(kind)
                        .ifPresent(pool -> pools.put(
                                kind,
                                new PoolLoad(
                                        pool.nodes().size(),
                                        c.baseline(stamp.name(), kind, properties.idleBaseline(kind)),
                                        signals.hotNodeMinutes(stamp.name(), kind, range))));
            }
            stamps.add(new StampLoad(
                    stamp.name(),
                    stamp.kind() == StampKind.SHARED,
                    stamp.status() == StampStatus.ACTIVE,
                    false,
                    pools));
        }

        Map<String, TrafficSeries> traffic = new HashMap<>();
        Map<String, double[]> stampRequests = new HashMap<>();
        Map<String, double[]> stampBytes = new HashMap<>();
        for (RegistryInfo registry : fleet.registries()) {
            if (registry.homeStamp(region).isEmpty()) {
                continue;
            }
            TrafficSeries series = signals.replicaTraffic(registry.name(), region, range);
            traffic.put(registry.name(), series);
            for (int i = 0; i < series.size() && i < n; i++) {
                String servedBy = series.servedBy()[i];
                if (servedBy != null) {
                    stampRequests.computeIfAbsent(servedBy, s -> new double[n])[i] += nonNaN(series.requests()[i]);
                    stampBytes.computeIfAbsent(servedBy, s -> new double[n])[i] += nonNaN(series.bytes()[i]);
                }
            }
        }
        List<RegistryLoad> registries = new ArrayList<>();
        for (RegistryInfo registry : fleet.registries()) {
            String home = registry.homeStamp(region).orElse(null);
            TrafficSeries series = traffic.get(registry.name());
            if (home == null || series == null) {
                continue;
            }
            float[] requestShare = share(series, series.requests(), stampRequests, home, n);
            float[] byteShare = share(series, series.bytes(), stampBytes, home, n);
            // a calibrated cost weighs what the registry brings to a destination; what leaves the source stays its
            // share (the hot node is a max over nodes: take most of its load away and another node is the hottest)
            Map<PoolKind, Double> arrivalCost = new EnumMap<>(PoolKind.class);
            arrivalCost.put(PoolKind.REGISTRY, c.cost(registry.name(), PoolKind.REGISTRY));
            arrivalCost.put(PoolKind.DATAPROXY, c.cost(registry.name(), PoolKind.DATAPROXY));
            Map<PoolKind, float[]> shares = new EnumMap<>(PoolKind.class);
            shares.put(PoolKind.REGISTRY, requestShare);
            shares.put(PoolKind.DATAPROXY, byteShare);
            registries.add(new RegistryLoad(
                    registry.name(),
                    home,
                    shares,
                    volatility(signals.reactiveSeries(
                            AlertSubject.replica(registry.name(), region), ReactiveMetric.P99_LATENCY_MS, range)),
                    max(series.requests()),
                    max(series.bytes()),
                    arrivalCost));
        }
        return new PlanningInput(
                region, range.fromMinute(), stamps, registries, settings, sourceStamps, triggers.triggeredIn(region));
    }

    /** Only minutes in which the home stamp served the replica count towards its share there. */
    private static float[] share(TrafficSeries series, double[] own, Map<String, double[]> totals, String home, int n) {
        float[] share = new float[n];
        double[] total = totals.get(home);
        for (int i = 0; i < n && i < series.size(); i++) {
            boolean servedHere = home.equals(series.servedBy()[i]);
            share[i] = servedHere && total != null && total[i] > 0 ? (float) (nonNaN(own[i]) / total[i]) : 0f;
        }
        return share;
    }

    /** Coefficient of variation of the p99 latency: how jumpy the registry's tail is. */
    static double volatility(double[] p99) {
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (double v : p99) {
            if (!Double.isNaN(v)) {
                sum += v;
                sumSq += v * v;
                count++;
            }
        }
        if (count < 2 || sum == 0) {
            return 0;
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0, sumSq / count - mean * mean)) / mean;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && v > max) {
                max = v;
            }
        }
        return max;
    }

    private static double nonNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
