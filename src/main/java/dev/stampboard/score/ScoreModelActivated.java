package dev.stampboard.score;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import org.jspecify.annotations.Nullable;

/** An admin (or, for the first version, the console) activated a score model version. */
public record ScoreModelActivated(
        Actor actor, int version, @Nullable Integer previous) implements Audited {

    @Override
    public String action() {
        return "SCORE_MODEL_ACTIVATED";
    }

    @Override
    public String subject() {
        return "score-model/" + version;
    }

    @Override
    public String auditDetail() {
        return previous == null
                ? "version " + version + " active (no version was active)"
                : "version " + version + " active, version " + previous + " retired";
    }
}
