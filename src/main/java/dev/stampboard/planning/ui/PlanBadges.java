package dev.stampboard.planning.ui;

import com.vaadin.flow.component.html.Span;
import dev.stampboard.planning.PlanStatus;

final class PlanBadges {

    private PlanBadges() {}

    static Span status(PlanStatus status, boolean stale) {
        var badge = new Span(status.name().replace('_', ' ').toLowerCase() + (stale ? " · stale" : ""));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (status) {
                            case DRAFT -> "contrast";
                            case PENDING_APPROVAL -> stale ? "warning" : "";
                            case APPROVED, COMPLETED -> "success";
                            case IN_PROGRESS -> "";
                            case REJECTED, EXPIRED -> "error";
                            case ROLLED_BACK -> "warning";
                        });
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
