package dev.stampboard.planning.engine;

import java.util.Comparator;
import java.util.List;

/**
 * A stamp needs relief when a pool's hot-node P95 is above the threshold, or another signal (a sustained
 * reactive trigger, the score) triggers it (limited to the chosen sources, if any). Hottest first; among
 * equals, the ones another signal triggers first.
 */
final class TriggeredStamps {

    private TriggeredStamps() {}

    static List<StampLoad> of(FleetState fleet, PlanningInput input) {
        return fleet.stamps.values().stream()
                .filter(s ->
                        input.sourceStamps().isEmpty() || input.sourceStamps().contains(s.name()))
                // a stamp chosen explicitly is relieved even below the threshold (an engineer's call)
                .filter(s -> !input.sourceStamps().isEmpty()
                        || fleet.worstOriginalP95(s.name()) > input.settings().threshold()
                        || !input.otherTriggers(s.name()).isEmpty())
                .sorted(Comparator.comparingDouble((StampLoad s) -> fleet.worstOriginalP95(s.name()))
                        .reversed())
                .toList();
    }
}
