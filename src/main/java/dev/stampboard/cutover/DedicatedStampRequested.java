package dev.stampboard.cutover;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.planning.PlanId;
import java.util.Locale;

/** The executor asked the provisioner for the dedicated stamp a move of the plan goes to. */
public record DedicatedStampRequested(PlanId planId, Actor actor, DedicatedStampSpec spec) implements Audited {

    @Override
    public String action() {
        return "DEDICATED_STAMP_REQUESTED";
    }

    @Override
    public String subject() {
        return planId.value();
    }

    @Override
    public String auditDetail() {
        return String.format(
                Locale.ROOT,
                "%s for %s: %d registry nodes, %d dataproxy nodes, %d storage accounts",
                spec.stamp(),
                spec.customer(),
                spec.registryNodes(),
                spec.dataproxyNodes(),
                spec.storageAccounts());
    }
}
