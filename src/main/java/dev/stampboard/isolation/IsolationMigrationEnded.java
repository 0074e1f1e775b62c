package dev.stampboard.isolation;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;

/** The migration plan of a request finished without completing (rolled back); the request waits. */
public record IsolationMigrationEnded(String requestId, PlanId planId, PlanStatus status) implements Audited {

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }

    @Override
    public String action() {
        return "ISOLATION_MIGRATION_" + status.name();
    }

    @Override
    public String subject() {
        return requestId;
    }

    @Override
    public String auditDetail() {
        return "migration plan " + planId + " finished " + status
                + "; the request stays MIGRATING until an engineer moves the registries";
    }
}
