package dev.stampboard.signals;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An administrator changed the hot and warning thresholds (in %). */
public record ThresholdsChanged(Actor actor, double oldHot, double hot, double oldWarn, double warn)
        implements Audited {

    @Override
    public String action() {
        return "SETTING_CHANGED";
    }

    @Override
    public String subject() {
        return "signals.thresholds";
    }

    @Override
    public String auditDetail() {
        return "hot " + oldHot + " -> " + hot + " %, warn " + oldWarn + " -> " + warn + " %";
    }
}
