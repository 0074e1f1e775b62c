package dev.stampboard.score;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** A score model version was trained (inactive until activated). */
public record ScoreModelTrained(Actor actor, int version, String summary) implements Audited {

    @Override
    public String action() {
        return "SCORE_MODEL_TRAINED";
    }

    @Override
    public String subject() {
        return "score-model/" + version;
    }

    @Override
    public String auditDetail() {
        return summary;
    }
}
