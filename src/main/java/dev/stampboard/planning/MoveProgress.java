package dev.stampboard.planning;

import java.util.Map;

/**
 * The execution state of a plan's moves. The cutover engine owns that state and implements this
 * port; planning only reads it (it keeps no copy), so the dependency stays cutover → planning.
 */
public interface MoveProgress {

    /** The state name of every move the engine has taken over, by the move's position in the plan. */
    Map<Integer, String> statesOf(PlanId planId);
}
