package dev.stampboard.planning.engine;

/**
 * A stamp the planner considered for a registry and did not choose: why, as a {@link Kind} that code
 * decides on, and as a sentence with the figures that people read.
 */
public record RejectedAlternative(String stamp, Kind kind, String reason) {

    /** Why a stamp was not chosen. Only {@link #FITS_LESS_WELL} is a valid destination nonetheless. */
    public enum Kind {
        /** A dedicated stamp: not a destination for shared tenants. */
        DEDICATED_STAMP,
        NOT_ACTIVE,
        IN_UPDATE_ROLLOUT,
        /** Hot now: it is to be relieved, not loaded. */
        HOT_NOW,
        /** Already predicted above the target before this registry would arrive. */
        ALREADY_ABOVE_TARGET,
        /** The registry alone would take more than the allowed share of a pool of the stamp. */
        SHARE_TOO_LARGE,
        /** With the registry the stamp would rise above the target. */
        WOULD_EXCEED_TARGET,
        /** It fits, but another stamp would be left less utilised. */
        FITS_LESS_WELL
    }

    /** Whether the stamp could take the registry (an engineer may still pick it). */
    public boolean fits() {
        return kind == Kind.FITS_LESS_WELL;
    }
}
