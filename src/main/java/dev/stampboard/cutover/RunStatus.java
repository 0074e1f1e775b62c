package dev.stampboard.cutover;

/** A plan's execution: RUNNING ⇄ PAUSED, either → ROLLING_BACK → ROLLED_BACK; RUNNING → COMPLETED. */
public enum RunStatus {
    RUNNING,
    PAUSED,
    ROLLING_BACK,
    COMPLETED,
    ROLLED_BACK;

    public boolean isFinished() {
        return this == COMPLETED || this == ROLLED_BACK;
    }
}
