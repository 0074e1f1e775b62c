package dev.stampboard.planning.engine;

import dev.stampboard.signals.engine.StampTrigger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's signals over the peak window starting at {@code fromMinute}; empty {@code sourceStamps} = every
 * triggered stamp. {@code triggers}: the signals' triggers by stamp (P95, reactive, score; see
 * {@code signals.engine.TriggerRules}); a stamp whose P95 is above the planner's threshold is triggered
 * whether or not it is listed.
 */
public record PlanningInput(
        String region,
        long fromMinute,
        List<StampLoad> stamps,
        List<RegistryLoad> registries,
        PlanningSettings settings,
        Set<String> sourceStamps,
        Map<String, List<StampTrigger>> triggers) {

    public PlanningInput {
        triggers = Map.copyOf(triggers);
    }

    /** Only hot-node P95 triggers (no reactive or score signal known). */
    public PlanningInput(
            String region,
            long fromMinute,
            List<StampLoad> stamps,
            List<RegistryLoad> registries,
            PlanningSettings settings,
            Set<String> sourceStamps) {
        this(region, fromMinute, stamps, registries, settings, sourceStamps, Map.of());
    }

    /** The stamp's triggers other than P95 (reactive, score): empty when none. */
    public List<StampTrigger> otherTriggers(String stamp) {
        return triggers.getOrDefault(stamp, List.of()).stream()
                .filter(t -> t.kind() != dev.stampboard.signals.engine.TriggerKind.P95)
                .toList();
    }
}
