package dev.stampboard.cutover;

import dev.stampboard.base.Maps;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A plan's execution: RUNNING ⇄ PAUSED, either → ROLLING_BACK → ROLLED_BACK; RUNNING → COMPLETED.
 * The table below is the whole machine; the aggregate checks it and a test checks every pair.
 */
public enum RunStatus {
    RUNNING,
    PAUSED,
    ROLLING_BACK,
    COMPLETED,
    ROLLED_BACK;

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            RUNNING, EnumSet.of(PAUSED, ROLLING_BACK, COMPLETED),
            PAUSED, EnumSet.of(RUNNING, ROLLING_BACK),
            ROLLING_BACK, EnumSet.of(ROLLED_BACK),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            ROLLED_BACK, EnumSet.noneOf(RunStatus.class));

    public boolean canMoveTo(RunStatus next) {
        return Maps.known(ALLOWED, this).contains(next);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == ROLLED_BACK;
    }
}
