package dev.stampboard.capacity.change;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A capacity change took one step of its state machine, by a person or by the executor; committed with the step.
 * {@code from} is null when the change was proposed. The audit action names the step: CAPACITY_CHANGE_PROPOSED,
 * _APPROVED, _REJECTED, _STARTED, _APPLIED, _COMPLETED, _FAILED, _REVERT_STARTED, _REVERTED.
 */
public record CapacityChangeStateChanged(
        String changeId,
        Actor actor,
        @Nullable CapacityChangeState from,
        CapacityChangeState to,
        String change,
        @Nullable String note)
        implements Audited {

    @Override
    public String action() {
        return "CAPACITY_CHANGE_"
                + switch (to) {
                    case APPLYING -> "STARTED";
                    case VALIDATING -> "APPLIED";
                    case REVERTING -> "REVERT_STARTED";
                    default -> to.name();
                };
    }

    @Override
    public String subject() {
        return changeId;
    }

    @Override
    public String auditDetail() {
        return change
                + (from == null ? "" : ": " + from + " -> " + to)
                + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
