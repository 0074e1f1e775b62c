package dev.stampboard.planning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stampboard.base.InvalidInputException;

/**
 * A rebalancing plan, by its id (a UUID as text, {@code plan.id}): a type of its own so a core signature cannot take a
 * stamp or registry name for a plan. Whether the plan exists is planning's to say; this only refuses a blank id (400 at
 * the API). The REST layer and the views convert at their edge ({@link #of}). In JSON a plan id is the plain string,
 * both ways: events carrying one are stored as JSON in Modulith's publication registry, and rows written before the
 * events carried a {@code PlanId} (a plain {@code "planId": "…"}) must still be read.
 */
public record PlanId(String value) {

    public PlanId {
        if (value.isBlank()) {
            throw new InvalidInputException("A plan id must not be blank");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanId of(String value) {
        return new PlanId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
