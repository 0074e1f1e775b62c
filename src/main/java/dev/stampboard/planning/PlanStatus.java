package dev.stampboard.planning;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * DRAFT → PENDING_APPROVAL → APPROVED | REJECTED | EXPIRED; an approved plan is then executed by the
 * cutover engine: APPROVED → IN_PROGRESS → COMPLETED | ROLLED_BACK. The table below is the whole
 * machine; the aggregate checks it on every transition and a test checks every pair.
 */
public enum PlanStatus {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED,
    IN_PROGRESS,
    COMPLETED,
    ROLLED_BACK;

    private static final Map<PlanStatus, Set<PlanStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(PENDING_APPROVAL),
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, EXPIRED),
            APPROVED, EnumSet.of(IN_PROGRESS),
            REJECTED, EnumSet.noneOf(PlanStatus.class),
            EXPIRED, EnumSet.noneOf(PlanStatus.class),
            IN_PROGRESS, EnumSet.of(COMPLETED, ROLLED_BACK),
            COMPLETED, EnumSet.noneOf(PlanStatus.class),
            ROLLED_BACK, EnumSet.noneOf(PlanStatus.class));

    public boolean canMoveTo(PlanStatus next) {
        return allowed().contains(next);
    }

    /** The states this one may go to, for messages that tell a person what is possible. */
    public Set<PlanStatus> next() {
        return allowed().isEmpty() ? EnumSet.noneOf(PlanStatus.class) : EnumSet.copyOf(allowed());
    }

    public boolean isOpen() {
        return this == DRAFT || this == PENDING_APPROVAL;
    }

    public boolean isFinished() {
        return this == COMPLETED || this == ROLLED_BACK;
    }

    public boolean isFinal() {
        return allowed().isEmpty();
    }

    /** Every state has its entry in the table. */
    private Set<PlanStatus> allowed() {
        return java.util.Objects.requireNonNull(ALLOWED.get(this), "no transitions listed for " + this);
    }
}
