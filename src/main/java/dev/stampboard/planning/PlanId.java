package dev.stampboard.planning;

import dev.stampboard.base.InvalidInputException;

/**
 * A rebalancing plan, by its id (a UUID as text, {@code plan.id}): a type of its own so a core signature cannot take a
 * stamp or registry name for a plan. Whether the plan exists is planning's to say; this only refuses a blank id (400 at the API). The
 * REST layer and the views convert at their edge ({@link #of}); JSON keeps the plain string.
 */
public record PlanId(String value) {

    public PlanId {
        if (value.isBlank()) {
            throw new InvalidInputException("A plan id must not be blank");
        }
    }

    public static PlanId of(String value) {
        return new PlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
