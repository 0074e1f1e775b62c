package dev.stampboard.planning;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import org.jspecify.annotations.Nullable;

/** A plan took one step of its state machine ({@link PlanStatus}); registered by the plan itself. */
public record PlanStatusChanged(
        PlanId planId,
        Actor actor,
        PlanStatus from,
        PlanStatus to,
        @Nullable String reason) implements Audited {

    @Override
    public String action() {
        return switch (to) {
            case PENDING_APPROVAL -> "PLAN_SUBMITTED";
            case IN_PROGRESS -> "PLAN_STARTED";
            default -> "PLAN_" + to.name();
        };
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return from + " -> " + to + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
