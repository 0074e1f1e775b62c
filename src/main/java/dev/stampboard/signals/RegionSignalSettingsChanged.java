package dev.stampboard.signals;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** An administrator changed (or reset to the defaults) a region's peak window, reactive rules or score rule. */
public record RegionSignalSettingsChanged(Actor actor, String region, String before, String after, boolean reset)
        implements Audited {

    @Override
    public String action() {
        return "SETTING_CHANGED";
    }

    @Override
    public String subject() {
        return "signals.region." + region;
    }

    @Override
    public String auditDetail() {
        return (reset ? "reset to the defaults: " : "") + before + " -> " + after;
    }
}
