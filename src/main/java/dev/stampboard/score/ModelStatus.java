package dev.stampboard.score;

import java.util.EnumSet;
import java.util.Set;

/**
 * A model version's life: trained {@link #INACTIVE}; {@link #ACTIVE} once an admin activates it (at most one is);
 * {@link #RETIRED} when another version is activated, from where it can be activated again.
 */
public enum ModelStatus {
    INACTIVE,
    ACTIVE,
    RETIRED;

    /** The allowed transitions, as a table (tested pair by pair). */
    public Set<ModelStatus> next() {
        return switch (this) {
            case INACTIVE, RETIRED -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(RETIRED);
        };
    }

    public boolean canMoveTo(ModelStatus target) {
        return next().contains(target);
    }
}
