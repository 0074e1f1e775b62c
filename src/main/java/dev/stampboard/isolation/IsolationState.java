package dev.stampboard.isolation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN §6: {@code SUBMITTED → IN_REVIEW → (NEEDS_INFO ↔ IN_REVIEW) → APPROVED | REJECTED →
 * PROVISIONING → READY → MIGRATING → DONE}, or READY → DONE when nothing is left to migrate. The table below is the whole machine; the aggregate
 * checks it on every transition and a test checks every pair.
 */
public enum IsolationState {
    SUBMITTED,
    IN_REVIEW,
    NEEDS_INFO,
    APPROVED,
    REJECTED,
    PROVISIONING,
    READY,
    MIGRATING,
    DONE;

    private static final Map<IsolationState, Set<IsolationState>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(IN_REVIEW),
            IN_REVIEW, EnumSet.of(NEEDS_INFO, APPROVED, REJECTED),
            NEEDS_INFO, EnumSet.of(IN_REVIEW),
            APPROVED, EnumSet.of(PROVISIONING),
            REJECTED, EnumSet.noneOf(IsolationState.class),
            PROVISIONING, EnumSet.of(READY),
            READY, EnumSet.of(MIGRATING, DONE), // DONE: every registry already ran on the dedicated stamp
            MIGRATING, EnumSet.of(DONE),
            DONE, EnumSet.noneOf(IsolationState.class));

    public boolean canMoveTo(IsolationState next) {
        return allowed().contains(next);
    }

    /** Still waiting for a support decision. */
    public boolean awaitsDecision() {
        return this == SUBMITTED || this == IN_REVIEW || this == NEEDS_INFO;
    }

    public boolean isFinal() {
        return allowed().isEmpty();
    }

    /** Every state has its entry in the table. */
    private Set<IsolationState> allowed() {
        return java.util.Objects.requireNonNull(ALLOWED.get(this), "no transitions listed for " + this);
    }
}
