package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;

/**
 * The executor took one of a move's audited steps ({@code action}: MOVE_CUTOVER_STARTED, MOVE_CUT_OVER,
 * MOVE_CUTOVER_REFUSED, MOVE_VALIDATING, MOVE_ROLLED_BACK). {@code move} names it: registry, source → destination.
 */
public record MoveStepTaken(PlanId planId, Actor actor, String action, String move) implements Audited {

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return move;
    }
}
