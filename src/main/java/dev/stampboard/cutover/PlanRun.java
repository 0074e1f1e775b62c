package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.planning.PlanId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The execution of one approved plan; its status changes only through these guarded methods. */
final class PlanRun {

    final PlanId planId;
    final String region;
    private RunStatus status;
    final boolean autoRollback;
    final String startedBy;
    final Instant startedAt;
    private @Nullable Instant finishedAt;
    private @Nullable String reason;
    final int version;

    PlanRun(
            PlanId planId,
            String region,
            RunStatus status,
            boolean autoRollback,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String reason,
            int version) {
        this.planId = planId;
        this.region = region;
        this.status = status;
        this.autoRollback = autoRollback;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.reason = reason;
        this.version = version;
    }

    static PlanRun start(PlanId planId, String region, boolean autoRollback, Actor actor, Instant now) {
        return new PlanRun(planId, region, RunStatus.RUNNING, autoRollback, actor.name(), now, null, null, 0);
    }

    void pause(String why) {
        require(RunStatus.PAUSED, "pause", "only a running plan can be paused");
        status = RunStatus.PAUSED;
        reason = why;
    }

    void resume() {
        require(RunStatus.RUNNING, "resume", "only a paused plan can be resumed");
        status = RunStatus.RUNNING;
        reason = null;
    }

    void startRollback(String why) {
        require(RunStatus.ROLLING_BACK, "roll back", "only a running or paused plan can be rolled back");
        status = RunStatus.ROLLING_BACK;
        reason = why;
    }

    void complete(Instant now) {
        require(RunStatus.COMPLETED, "complete", "only a running plan completes");
        status = RunStatus.COMPLETED;
        finishedAt = now;
    }

    void finishRollback(Instant now) {
        require(RunStatus.ROLLED_BACK, "finish the rollback of", "it is not rolling back");
        status = RunStatus.ROLLED_BACK;
        finishedAt = now;
    }

    /** Guards a step to {@code to} by the table in {@link RunStatus}. */
    private void require(RunStatus to, String action, String why) {
        if (!status.canMoveTo(to)) {
            throw new TransitionRefused("Cannot " + action + " plan " + planId + " while it is " + status + ": " + why);
        }
    }

    RunStatus status() {
        return status;
    }

    @Nullable
    Instant finishedAt() {
        return finishedAt;
    }

    @Nullable
    String reason() {
        return reason;
    }
}
