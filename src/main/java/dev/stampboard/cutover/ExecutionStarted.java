package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An engineer started executing an approved plan. */
public record ExecutionStarted(String planId, Actor actor, int moves, boolean autoRollback) implements Audited {

    @Override
    public String action() {
        return "PLAN_EXECUTION_STARTED";
    }

    @Override
    public String subject() {
        return planId;
    }

    @Override
    public String auditDetail() {
        return moves + " moves; automatic rollback " + (autoRollback ? "on" : "off");
    }
}
