package dev.stampboard.cutover;

import dev.stampboard.base.Maps;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of one move; the main path first, then the states off it. The allowed transitions, as
 * one table (tested for every pair):
 * <pre>
 * PLANNED      → APPROVED
 * APPROVED     → CUTTING_OVER, PAUSED, ROLLING_BACK (the plan is rolled back before this move started)
 * CUTTING_OVER → DRAINING, ROLLING_BACK, FAILED
 * DRAINING     → VALIDATING, PAUSED, ROLLING_BACK, FAILED
 * VALIDATING   → COMPLETED, PAUSED, ROLLING_BACK, FAILED
 * PAUSED       → APPROVED, DRAINING, VALIDATING (resume where it stopped), ROLLING_BACK
 * FAILED       → ROLLING_BACK
 * ROLLING_BACK → ROLLED_BACK, FAILED
 * COMPLETED    → ROLLING_BACK (an engineer rolls the whole plan back after the move was validated)
 * ROLLED_BACK: terminal
 * </pre>
 * A cutover in progress is never paused half-way: it either finishes (to DRAINING) or rolls back.
 */
public enum MoveState {
    PLANNED,
    APPROVED,
    CUTTING_OVER,
    DRAINING,
    VALIDATING,
    COMPLETED,
    PAUSED,
    ROLLING_BACK,
    ROLLED_BACK,
    FAILED;

    private static final Map<MoveState, Set<MoveState>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(APPROVED),
            APPROVED, EnumSet.of(CUTTING_OVER, PAUSED, ROLLING_BACK),
            CUTTING_OVER, EnumSet.of(DRAINING, ROLLING_BACK, FAILED),
            DRAINING, EnumSet.of(VALIDATING, PAUSED, ROLLING_BACK, FAILED),
            VALIDATING, EnumSet.of(COMPLETED, PAUSED, ROLLING_BACK, FAILED),
            PAUSED, EnumSet.of(APPROVED, DRAINING, VALIDATING, ROLLING_BACK),
            FAILED, EnumSet.of(ROLLING_BACK),
            ROLLING_BACK, EnumSet.of(ROLLED_BACK, FAILED),
            COMPLETED, EnumSet.of(ROLLING_BACK),
            ROLLED_BACK, EnumSet.noneOf(MoveState.class));

    public boolean canMoveTo(MoveState next) {
        return Maps.known(ALLOWED, this).contains(next);
    }

    /** The states this one may go to, for messages that tell a person what is possible. */
    public Set<MoveState> next() {
        Set<MoveState> allowed = Maps.known(ALLOWED, this);
        return allowed.isEmpty() ? EnumSet.noneOf(MoveState.class) : EnumSet.copyOf(allowed);
    }

    /**
     * The stages a paused plan holds where they are (and resumes there). A cutover in progress is not
     * among them: it always finishes first.
     */
    public boolean isHeldByPause() {
        return this == DRAINING || this == VALIDATING;
    }
}
