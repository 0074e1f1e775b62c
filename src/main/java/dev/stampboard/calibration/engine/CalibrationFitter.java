package dev.stampboard.calibration.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stampboard.fleet.PoolKind;

/** Fits a {@link Calibration} from outcomes and pool histories; plain Java, robust fits by {@link RobustLine}. */
public final class CalibrationFitter {

    /** A pool's history needs this many minutes with traffic for its b to be fitted. */
    static final int MIN_HISTORY_MINUTES = 60;
    /** A side's gain needs this many outcomes. */
    static final int MIN_OUTCOMES = 5;
    /** Gains and costs stay within sane bounds: a fit outside them says more about the data than the fleet. */
    static final double MIN_FACTOR = 0.3;
    static final double MAX_FACTOR = 3.0;

    private CalibrationFitter() {
    }

    public static Calibration fit(List<MoveOutcome> outcomes, List<PoolHistory> histories,
                                  Map<PoolKind, Double> plannerBaseline) {
        Map<String, Double> baselines = new HashMap<>();
        Map<PoolKind, List<Double>> byKind = new EnumMap<>(PoolKind.class);
        for (PoolHistory h : histories) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < h.hotCpu().length && i < h.trafficPerNode().length; i++) {
                if (!Double.isNaN(h.hotCpu()[i]) && !Double.isNaN(h.trafficPerNode()[i])) {
                    points.add(new double[] {h.trafficPerNode()[i], h.hotCpu()[i]});
                }
            }
            if (points.size() < MIN_HISTORY_MINUTES || spread(points) == 0) {
                continue;
            }
            RobustLine.Fit line = RobustLine.fit(points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), true);
            double b = Math.max(0, Math.min(50, line.intercept()));
            baselines.put(h.stamp() + "/" + h.pool().name(), b);
            byKind.computeIfAbsent(h.pool(), k -> new ArrayList<>()).add(b);
        }
        Map<PoolKind, Double> kindBaseline = new EnumMap<>(PoolKind.class);
        byKind.forEach((kind, values) -> kindBaseline.put(kind,
                RobustLine.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
        Calibration withBaselines = new Calibration(baselines, kindBaseline, Map.of(), Map.of(), Map.of(), 0);

        // gains: measured change against the model's change with the fitted b, through the origin, per kind and side
        Map<PoolKind, Double> sourceGain = new EnumMap<>(PoolKind.class);
        Map<PoolKind, Double> destinationGain = new EnumMap<>(PoolKind.class);
        for (PoolKind kind : PoolKind.values()) {
            for (boolean destination : new boolean[] {false, true}) {
                List<MoveOutcome> side = outcomes.stream()
                        .filter(o -> o.pool() == kind && o.destination() == destination && Math.abs(o.predictedChange()) > 0.05)
                        .toList();
                if (side.size() < MIN_OUTCOMES) {
                    continue;
                }
                double[] x = side.stream().mapToDouble(o -> withBaselines.rescaled(o, plannerBaseline.get(kind))).toArray();
                double[] y = side.stream().mapToDouble(MoveOutcome::measuredChange).toArray();
                double gain = bounded(RobustLine.fit(x, y, false).slope());
                (destination ? destinationGain : sourceGain).put(kind, gain);
            }
        }
        Calibration withGains = new Calibration(baselines, kindBaseline, sourceGain, destinationGain, Map.of(), 0);

        // registry cost: what is left of a registry's source-side changes once b and the gain apply (a regression of
        // the hot node on each registry's own traffic was tried and made out-of-sample predictions worse: too noisy)
        Map<String, Double> cost = new HashMap<>();
        Map<String, List<Double>> ratios = new HashMap<>();
        for (MoveOutcome o : outcomes) {
            double expected = withGains.calibratedChange(o, plannerBaseline.get(o.pool()));
            if (!o.destination() && Math.abs(expected) > 0.5) {
                ratios.computeIfAbsent(Calibration.costKey(o.registry(), o.pool()), k -> new ArrayList<>())
                        .add(o.measuredChange() / expected);
            }
        }
        ratios.forEach((key, r) -> cost.put(key, bounded(RobustLine.median(r.stream().mapToDouble(Double::doubleValue).toArray()))));
        long moves = outcomes.stream().map(o -> o.campaign() + "#" + o.seq()).distinct().count();
        return new Calibration(baselines, kindBaseline, sourceGain, destinationGain, cost, (int) moves);
    }

    private static double bounded(double factor) {
        return Double.isFinite(factor) ? Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, factor)) : 1.0;
    }

    private static double spread(List<double[]> points) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] p : points) {
            min = Math.min(min, p[0]);
            max = Math.max(max, p[0]);
        }
        return max - min;
    }
}
