package dev.stampboard.planning.engine;

import java.util.Map;
import java.util.Set;

/**
 * An engineer's choices in the migration wizard: exactly which registries move (instead of "until
 * target"), and, per registry, a chosen destination stamp or {@link #DEDICATED}. A registry without
 * a choice gets the planner's suggestion.
 */
public record PlanChoices(Set<String> registries, Map<String, String> destinations) {

    public static final String DEDICATED = "(dedicated stamp)";

    public PlanChoices {
        registries = Set.copyOf(registries);
        destinations = Map.copyOf(destinations);
    }
}
