package dev.stampboard.capacity.change.ui;

import com.vaadin.flow.component.html.Span;
import dev.stampboard.capacity.change.CapacityChangeState;

/** Lumo badges for capacity-change states, with the raw value in a data attribute for tests. */
final class ChangeBadges {

    private ChangeBadges() {}

    static Span state(CapacityChangeState state) {
        String theme = switch (state) {
            case COMPLETED -> "success";
            case APPLYING, VALIDATING -> "";
            case PROPOSED, APPROVED -> "contrast";
            case FAILED, REVERTING, REVERTED, REJECTED -> "error";
        };
        var badge = new Span(state.name().toLowerCase());
        badge.getElement().getThemeList().add(("badge " + theme).trim());
        badge.getElement().setAttribute("data-value", state.name());
        return badge;
    }
}
