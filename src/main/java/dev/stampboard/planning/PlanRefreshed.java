package dev.stampboard.planning;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An open plan was recomputed from current signals; its status stays. */
public record PlanRefreshed(PlanId planId, Actor actor, PlanStatus status) implements Audited {

    @Override
    public String action() {
        return "PLAN_REFRESHED";
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return status + " -> " + status + ": recomputed from current signals";
    }
}
