package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;

/** A validated move got its verdict. {@code move} names it: registry, source → destination. */
public record MoveJudged(PlanId planId, Actor actor, String move, Verdict verdict) implements Audited {

    @Override
    public String action() {
        return "MOVE_VERDICT";
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return move + ": " + verdict;
    }
}
