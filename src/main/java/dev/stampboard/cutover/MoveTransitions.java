package dev.stampboard.cutover;

import static dev.stampboard.cutover.MoveState.APPROVED;
import static dev.stampboard.cutover.MoveState.COMPLETED;
import static dev.stampboard.cutover.MoveState.CUTTING_OVER;
import static dev.stampboard.cutover.MoveState.DRAINING;
import static dev.stampboard.cutover.MoveState.FAILED;
import static dev.stampboard.cutover.MoveState.PAUSED;
import static dev.stampboard.cutover.MoveState.PLANNED;
import static dev.stampboard.cutover.MoveState.ROLLED_BACK;
import static dev.stampboard.cutover.MoveState.ROLLING_BACK;
import static dev.stampboard.cutover.MoveState.VALIDATING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed transitions, as one table (tested for every pair):
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
public final class MoveTransitions {

    private static final Map<MoveState, Set<MoveState>> ALLOWED = new EnumMap<>(MoveState.class);

    static {
        ALLOWED.put(PLANNED, EnumSet.of(APPROVED));
        ALLOWED.put(APPROVED, EnumSet.of(CUTTING_OVER, PAUSED, ROLLING_BACK));
        ALLOWED.put(CUTTING_OVER, EnumSet.of(DRAINING, ROLLING_BACK, FAILED));
        ALLOWED.put(DRAINING, EnumSet.of(VALIDATING, PAUSED, ROLLING_BACK, FAILED));
        ALLOWED.put(VALIDATING, EnumSet.of(COMPLETED, PAUSED, ROLLING_BACK, FAILED));
        ALLOWED.put(PAUSED, EnumSet.of(APPROVED, DRAINING, VALIDATING, ROLLING_BACK));
        ALLOWED.put(FAILED, EnumSet.of(ROLLING_BACK));
        ALLOWED.put(ROLLING_BACK, EnumSet.of(ROLLED_BACK, FAILED));
        ALLOWED.put(COMPLETED, EnumSet.of(ROLLING_BACK));
        ALLOWED.put(ROLLED_BACK, EnumSet.noneOf(MoveState.class));
    }

    private MoveTransitions() {
    }

    public static boolean allowed(MoveState from, MoveState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<MoveState> from(MoveState state) {
        return EnumSet.copyOf(ALLOWED.get(state).isEmpty() ? EnumSet.noneOf(MoveState.class) : ALLOWED.get(state));
    }
}
