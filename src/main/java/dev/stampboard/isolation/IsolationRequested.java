package dev.stampboard.isolation;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** A request for a dedicated stamp was filed; {@code summary} carries its figures and sizing. */
public record IsolationRequested(String requestId, Actor actor, String summary) implements Audited {

    @Override
    public String action() {
        return "ISOLATION_REQUESTED";
    }

    @Override
    public String subject() {
        return requestId;
    }

    @Override
    public String auditDetail() {
        return summary;
    }
}
