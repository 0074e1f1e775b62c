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

    /**
     * The stages a paused plan holds where they are (and resumes there). A cutover in progress is not
     * among them: it always finishes first.
     */
    public boolean isHeldByPause() {
        return this == DRAINING || this == VALIDATING;
    }
}
