package dev.stampboard.planning;

import java.util.ArrayList;
import java.util.List;

import dev.stampboard.planning.engine.Planner;

/**
 * What a plan does for one stamp it relieves: its worst pool's hot-node P95 before and after, and
 * whether that reaches the planner's target. Views colour and word on this, never on note text.
 */
public record Relief(String stamp, double before, double after, double target) {

    public boolean reachedTarget() {
        return after <= target;
    }

    /** The planner's note for this stamp, word for word as the engine writes it. */
    public String note() {
        return Planner.reliefNote(stamp, before, after, target);
    }

    /** One relief per source stamp, from the predictions of the plan's moves (worst pool before and after). */
    static List<Relief> of(List<PlanPrediction> predictions, List<String> sourceStamps, double target) {
        List<Relief> out = new ArrayList<>();
        for (String stamp : sourceStamps) {
            double before = predictions.stream().filter(p -> p.stamp().equals(stamp)).mapToDouble(PlanPrediction::beforeP95)
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            double after = predictions.stream().filter(p -> p.stamp().equals(stamp)).mapToDouble(PlanPrediction::afterP95)
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            if (!Double.isNaN(before)) {
                out.add(new Relief(stamp, before, after, target));
            }
        }
        return out;
    }
}
