package dev.stampboard.isolation;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import org.jspecify.annotations.Nullable;

/** A request took one step of its state machine ({@link IsolationState}), by a person or by the system. */
public record IsolationStateChanged(
        String requestId,
        Actor actor,
        IsolationState from,
        IsolationState to,
        @Nullable String note) implements Audited {

    @Override
    public String action() {
        return switch (to) {
            case IN_REVIEW ->
                from == IsolationState.NEEDS_INFO ? "ISOLATION_INFO_ANSWERED" : "ISOLATION_REVIEW_STARTED";
            case NEEDS_INFO -> "ISOLATION_INFO_REQUESTED";
            default -> "ISOLATION_" + to.name();
        };
    }

    @Override
    public String subject() {
        return requestId;
    }

    @Override
    public String auditDetail() {
        return from + " -> " + to + (note == null ? "" : ": " + note);
    }
}
