package dev.stampboard.capacity.change;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of one capacity change; the main path first. The allowed transitions, as one table (tested for
 * every pair):
 * <pre>
 * PROPOSED   → APPROVED, REJECTED       (another engineer decides: four eyes)
 * APPROVED   → APPLYING                 (an engineer starts it)
 * APPLYING   → VALIDATING, REVERTING    (the pool was resized; or rolled back before it was)
 * VALIDATING → COMPLETED, FAILED, REVERTING
 * FAILED     → REVERTING                (a scale-out that failed validation is not shrunk unasked)
 * COMPLETED  → REVERTING                (an engineer rolls a validated change back)
 * REVERTING  → REVERTED
 * REJECTED, REVERTED: terminal
 * </pre>
 * A failed scale-in goes VALIDATING → REVERTING at once (automatic revert); a failed scale-out stops in FAILED,
 * since giving the nodes back would make the pool hotter still.
 */
public enum CapacityChangeState {
    PROPOSED,
    APPROVED,
    APPLYING,
    VALIDATING,
    COMPLETED,
    REJECTED,
    FAILED,
    REVERTING,
    REVERTED;

    private static final Map<CapacityChangeState, Set<CapacityChangeState>> ALLOWED = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(APPLYING),
            APPLYING, EnumSet.of(VALIDATING, REVERTING),
            VALIDATING, EnumSet.of(COMPLETED, FAILED, REVERTING),
            FAILED, EnumSet.of(REVERTING),
            COMPLETED, EnumSet.of(REVERTING),
            REVERTING, EnumSet.of(REVERTED),
            REJECTED, EnumSet.noneOf(CapacityChangeState.class),
            REVERTED, EnumSet.noneOf(CapacityChangeState.class));

    public boolean canMoveTo(CapacityChangeState next) {
        return allowed().contains(next);
    }

    /** The states this one may go to, for messages that tell a person what is possible. */
    public Set<CapacityChangeState> next() {
        return allowed().isEmpty() ? EnumSet.noneOf(CapacityChangeState.class) : EnumSet.copyOf(allowed());
    }

    /** The executor has work to do in this state (act, watch, or undo). */
    public boolean isActive() {
        return this == APPLYING || this == VALIDATING || this == REVERTING;
    }

    public boolean isFinal() {
        return allowed().isEmpty();
    }

    private Set<CapacityChangeState> allowed() {
        return java.util.Objects.requireNonNull(ALLOWED.get(this), "no transitions listed for " + this);
    }
}
