package dev.stampboard.cutover;

/** The states of one move; the main path first, then the states off it. */
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

    /** Whether the move has cut over to its destination and not (yet) been rolled back. */
    public boolean isOnDestination() {
        return this == DRAINING || this == VALIDATING || this == COMPLETED;
    }
}
