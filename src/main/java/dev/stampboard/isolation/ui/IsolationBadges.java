package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.html.Span;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.signals.PoolSignal;
import java.util.Locale;

/** Badges of the isolation screens: a request's state, and a pool's hot-node P95 coloured by its state. */
final class IsolationBadges {

    private IsolationBadges() {}

    static Span state(IsolationState state) {
        var badge = new Span(state.name().replace('_', ' ').toLowerCase(Locale.ROOT));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (state) {
                            case SUBMITTED -> "contrast";
                            case IN_REVIEW, PROVISIONING, READY, MIGRATING -> "";
                            case NEEDS_INFO -> "warning";
                            case APPROVED, DONE -> "success";
                            case REJECTED -> "error";
                        });
        badge.getElement().setAttribute("data-state", state.name());
        return badge;
    }

    static Span pool(PoolSignal signal) {
        var badge = new Span(signal.pool().name().toLowerCase(Locale.ROOT) + " "
                + (signal.hotNodeP95() == null
                        ? "no data"
                        : String.format(Locale.ROOT, "%.1f %%", signal.hotNodeP95())));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (signal.state()) {
                            case OK -> "success";
                            case WARN -> "warning";
                            case HOT -> "error primary";
                            case NO_DATA -> "contrast";
                        });
        badge.getElement().setAttribute("data-state", signal.state().name());
        badge.getElement()
                .setAttribute(
                        "title",
                        signal.pool() + " hot-node P95, " + signal.state() + " (threshold " + signal.threshold()
                                + " %)");
        return badge;
    }
}
