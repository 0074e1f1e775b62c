package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;

/**
 * A plan's execution was paused, resumed or set rolling back, by an engineer or by the executor
 * (a failed or marginal verdict). How the plan finishes is the plan's own event in {@code planning}.
 */
public record RunStatusChanged(PlanId planId, Actor actor, RunStatus to, String reason) implements Audited {

    @Override
    public String action() {
        return switch (to) {
            case PAUSED -> "PLAN_PAUSED";
            case RUNNING -> "PLAN_RESUMED";
            case ROLLING_BACK -> "PLAN_ROLLBACK_STARTED";
            case COMPLETED, ROLLED_BACK -> "PLAN_EXECUTION_" + to.name();
        };
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return reason;
    }
}
