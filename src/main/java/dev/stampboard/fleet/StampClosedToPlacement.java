package dev.stampboard.fleet;

import dev.stampboard.base.TransitionRefused;

/**
 * A replica was to be placed on a stamp whose status does not take that {@link Placement} (the API answers 409). It
 * names the stamp and its status, so the executor can tell this refusal from a failure and pause the plan with it.
 */
public final class StampClosedToPlacement extends TransitionRefused {

    private final String stamp;
    private final StampStatus status;

    StampClosedToPlacement(String message, String stamp, StampStatus status) {
        super(message);
        this.stamp = stamp;
        this.status = status;
    }

    public String stamp() {
        return stamp;
    }

    public StampStatus status() {
        return status;
    }

    /** The same refusal with a prefix that says where in a request it happened ("registries[3] (acme.io): "). */
    StampClosedToPlacement prefixed(String where) {
        return new StampClosedToPlacement(where + getMessage(), stamp, status);
    }
}
