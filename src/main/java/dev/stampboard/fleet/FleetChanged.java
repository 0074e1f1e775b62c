package dev.stampboard.fleet;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/**
 * The inventory changed: a region, stamp, pool's scale set, customer or registry was added or
 * updated. {@code action} names what (REGION_ADDED, STAMP_DECLARED, STAMP_UPDATED, STAMP_ACTIVATED, STAMP_DRAINING, STAMP_RETIRED,
 * SCALE_SET_FOUND, SCALE_SET_MISSING, CUSTOMER_ADDED, REGISTRY_ADDED, REGISTRY_DECLARED, REGISTRY_UPDATED, HOME_STAMP_CHANGED); {@code subject} is its name.
 */
public record FleetChanged(Actor actor, String action, String subject, String detail) implements Audited {

    @Override
    public String auditDetail() {
        return detail;
    }
}
