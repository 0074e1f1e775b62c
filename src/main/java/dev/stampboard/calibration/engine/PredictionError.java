package dev.stampboard.calibration.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Mean absolute error and bias (mean of measured − predicted) in percentage points over a set of outcomes. */
public record PredictionError(int outcomes, double meanAbsErrorPp, double biasPp) {

    public static PredictionError of(List<MoveOutcome> outcomes, ToDoubleFunction<MoveOutcome> prediction) {
        if (outcomes.isEmpty()) {
            return new PredictionError(0, Double.NaN, Double.NaN);
        }
        double abs = 0;
        double bias = 0;
        for (MoveOutcome o : outcomes) {
            double e = o.measured() - prediction.applyAsDouble(o);
            abs += Math.abs(e);
            bias += e;
        }
        return new PredictionError(outcomes.size(), abs / outcomes.size(), bias / outcomes.size());
    }

    public static PredictionError uncalibrated(List<MoveOutcome> outcomes) {
        return of(outcomes, MoveOutcome::predicted);
    }

    public static PredictionError calibrated(
            List<MoveOutcome> outcomes, Calibration c, Map<PoolKind, Double> plannerBaseline) {
        return of(outcomes, o -> c.predict(o, baselineOf(plannerBaseline, o.pool())));
    }

    /** The planner's idle baseline of {@code pool}; the caller names one for every pool kind. */
    public static double baselineOf(Map<PoolKind, Double> plannerBaseline, PoolKind pool) {
        Double baseline = plannerBaseline.get(pool);
        if (baseline == null) {
            throw new IllegalArgumentException("no planner baseline for the " + pool + " pool");
        }
        return baseline;
    }
}
