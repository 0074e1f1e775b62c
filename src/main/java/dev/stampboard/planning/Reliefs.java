package dev.stampboard.planning;

import dev.stampboard.planning.engine.Planner;
import dev.stampboard.planning.engine.Relief;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@link Relief} for a stored or drafted plan, read from the predictions of exactly the moves
 * it makes (a dedicated stamp's followers included), so views colour and word on figures, never on notes.
 */
final class Reliefs {

    private Reliefs() {}

    /** One relief per source stamp with predictions: its worst pool before and after, against the target. */
    static List<Relief> of(List<PlanPrediction> predictions, List<String> sourceStamps, double target) {
        List<Relief> out = new ArrayList<>();
        for (String stamp : sourceStamps) {
            double before = worst(predictions, stamp, true);
            double after = worst(predictions, stamp, false);
            if (!Double.isNaN(before)) {
                out.add(new Relief(stamp, before, after, after <= target));
            }
        }
        return out;
    }

    /** The planner's note for this relief, word for word as the engine writes it. */
    static String note(Relief relief, double target) {
        return Planner.reliefNote(relief.stamp(), relief.before(), relief.after(), target);
    }

    private static double worst(List<PlanPrediction> predictions, String stamp, boolean before) {
        return predictions.stream()
                .filter(p -> p.stamp().equals(stamp))
                .mapToDouble(p -> before ? p.beforeP95() : p.afterP95())
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }
}
