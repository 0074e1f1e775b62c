package dev.stampboard.score;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An admin pinned a version's weights by hand, or released them back to the fitted ones. */
public record ScoreWeightsPinned(Actor actor, int version, String weights) implements Audited {

    @Override
    public String action() {
        return "SCORE_WEIGHTS_PINNED";
    }

    @Override
    public String subject() {
        return "score-model/" + version;
    }

    @Override
    public String auditDetail() {
        return weights;
    }
}
