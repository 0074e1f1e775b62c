package dev.stampboard.planning;

/**
 * DRAFT → PENDING_APPROVAL → APPROVED | REJECTED | EXPIRED; an approved plan is then executed by the
 * cutover engine: APPROVED → IN_PROGRESS → COMPLETED | ROLLED_BACK.
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

    public boolean isOpen() {
        return this == DRAFT || this == PENDING_APPROVAL;
    }

    public boolean isFinished() {
        return this == COMPLETED || this == ROLLED_BACK;
    }
}
