package dev.stampboard.fleet;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** A replica's home stamp changed (a cutover or its rollback); routing follows it. */
public record HomeStampChanged(String registry, String region, String fromStamp, String toStamp, Actor actor,
                               String reason) implements Audited {

    @Override
    public String action() {
        return "HOME_STAMP_CHANGED";
    }

    @Override
    public String subject() {
        return registry;
    }

    @Override
    public String auditDetail() {
        return region + ": " + fromStamp + " -> " + toStamp + " (" + reason + ")";
    }
}
