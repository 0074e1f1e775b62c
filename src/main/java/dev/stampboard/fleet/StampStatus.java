package dev.stampboard.fleet;

import dev.stampboard.base.Maps;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A stamp's life: PROVISIONING → ACTIVE → DRAINING → RETIRED. The table below is the whole machine; {@code Stamp}
 * checks it on every transition (a declaration that states a status is the inventory's word, not a transition).
 */
public enum StampStatus {
    PROVISIONING,
    ACTIVE,
    DRAINING,
    RETIRED;

    private static final Map<StampStatus, Set<StampStatus>> ALLOWED = Map.of(
            PROVISIONING, EnumSet.of(ACTIVE),
            ACTIVE, EnumSet.of(DRAINING),
            DRAINING, EnumSet.of(RETIRED),
            RETIRED, EnumSet.noneOf(StampStatus.class));

    public boolean canMoveTo(StampStatus next) {
        return Maps.known(ALLOWED, this).contains(next);
    }
}
