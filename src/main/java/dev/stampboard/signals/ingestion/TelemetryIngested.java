package dev.stampboard.signals.ingestion;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** A batch of telemetry ({@code metric}: node CPU or registry traffic) was ingested: how many stored, how many refused. */
public record TelemetryIngested(Actor actor, String metric, int accepted, int rejected) implements Audited {

    @Override
    public String action() {
        return "TELEMETRY_INGESTED";
    }

    @Override
    public String subject() {
        return metric;
    }

    @Override
    public String auditDetail() {
        return accepted + " accepted, " + rejected + " rejected";
    }
}
