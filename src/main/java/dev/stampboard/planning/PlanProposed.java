package dev.stampboard.planning;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** A new plan was stored as a DRAFT; {@code description} says what it proposes. */
public record PlanProposed(PlanId planId, Actor actor, String description) implements Audited {

    @Override
    public String action() {
        return "PLAN_PROPOSED";
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return description;
    }
}
