package dev.stampboard.planning;

import dev.stampboard.signals.engine.StampTrigger;
import dev.stampboard.signals.engine.TriggerKind;
import org.jspecify.annotations.Nullable;

/**
 * Which signal triggered a source stamp of a plan when it was computed (issue 16): a pool's P95, a sustained
 * reactive rule or the score, with its value and its rule's threshold in the rule's unit (null when not known).
 * A stamp an engineer chose without a trigger has none.
 */
public record PlanTrigger(
        String stamp,
        TriggerKind kind,
        String detail,
        long sinceMinute,
        @Nullable Double signalValue,
        @Nullable Double threshold) {

    static PlanTrigger of(StampTrigger t) {
        return new PlanTrigger(
                t.stamp(),
                t.kind(),
                t.detail(),
                t.sinceMinute(),
                Double.isFinite(t.value()) ? t.value() : null,
                Double.isFinite(t.threshold()) ? t.threshold() : null);
    }
}
