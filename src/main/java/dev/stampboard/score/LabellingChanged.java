package dev.stampboard.score;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An admin changed what counts as an incident for the next training (the SLO, the throttling share, the horizon). */
public record LabellingChanged(Actor actor, String before, String after) implements Audited {

    @Override
    public String action() {
        return "SETTING_CHANGED";
    }

    @Override
    public String subject() {
        return "score.labelling";
    }

    @Override
    public String auditDetail() {
        return before + " -> " + after;
    }
}
