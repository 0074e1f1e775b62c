package dev.stampboard.signals;

import dev.stampboard.audit.Audited;
import dev.stampboard.security.Actor;

/** A batch of node CPU samples was ingested: how many were stored and how many refused. */
public record TelemetryIngested(Actor actor, int accepted, int rejected) implements Audited {

    @Override
    public String action() {
        return "TELEMETRY_INGESTED";
    }

    @Override
    public String subject() {
        return "node-cpu";
    }

    @Override
    public String auditDetail() {
        return accepted + " accepted, " + rejected + " rejected";
    }
}
