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

    public boolean isTerminal() {
        return this == COMPLETED || this == ROLLED_BACK;
    }
}
