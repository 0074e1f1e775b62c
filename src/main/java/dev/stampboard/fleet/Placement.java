package dev.stampboard.fleet;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a replica is put on a stamp, which decides the stamp statuses that take it. A new placement (a declaration, a
 * cutover) needs an ACTIVE stamp: a PROVISIONING stamp does not serve yet, and a DRAINING or RETIRED one is being
 * emptied, so a replica placed there would have to be moved off again (or be stranded). A rollback is different: it
 * puts the replica back where it was served a moment ago, and refusing it onto a DRAINING source would leave the
 * customer on a destination that just failed validation; so only a RETIRED stamp, which serves nothing, refuses it.
 */
public enum Placement {
    /** A replica declared through the inventory (API, scenario, a registry found in the logs). */
    DECLARATION("declared on", EnumSet.of(StampStatus.ACTIVE)),
    /** A plan's move cut over onto its destination. */
    CUTOVER("moved onto", EnumSet.of(StampStatus.ACTIVE)),
    /** A move rolled back onto its source. */
    ROLLBACK("moved back onto", EnumSet.of(StampStatus.PROVISIONING, StampStatus.ACTIVE, StampStatus.DRAINING));

    private final String verb;
    private final Set<StampStatus> admitting;

    Placement(String verb, Set<StampStatus> admitting) {
        this.verb = verb;
        this.admitting = admitting;
    }

    public boolean admits(StampStatus status) {
        return admitting.contains(status);
    }

    /** How a refusal says what was refused: "declared on", "moved onto", "moved back onto". */
    String verb() {
        return verb;
    }
}
