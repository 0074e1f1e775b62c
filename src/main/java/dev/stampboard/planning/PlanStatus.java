package dev.stampboard.planning;

/** DRAFT → PENDING_APPROVAL → APPROVED | REJECTED | EXPIRED. */
public enum PlanStatus {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED;

    public boolean isOpen() {
        return this == DRAFT || this == PENDING_APPROVAL;
    }
}
