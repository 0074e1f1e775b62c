package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;

/** An engineer started executing an approved plan. */
public record ExecutionStarted(PlanId planId, Actor actor, int moves, boolean autoRollback) implements Audited {

    @Override
    public String action() {
        return "PLAN_EXECUTION_STARTED";
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return moves + " moves; automatic rollback " + (autoRollback ? "on" : "off");
    }
}
