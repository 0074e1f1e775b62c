package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.html.Span;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.engine.PoolState;
import java.util.Locale;

/**
 * A pool's hot-node P95 as a badge: the value and the state's word ("47.2 % HOT"), coloured green OK, amber
 * WARN, red HOT, grey without data. The word is there so the state never rests on colour alone.
 */
final class PoolBadge extends Span {

    PoolBadge(PoolSignal signal) {
        setText(format(signal));
        getElement().getThemeList().add("badge " + theme(signal.state()));
        getElement().setAttribute("title", tooltip(signal));
        getElement().setAttribute("data-state", signal.state().name());
        getStyle().set("min-width", "8em").set("justify-content", "center").set("font-variant-numeric", "tabular-nums");
    }

    static String format(PoolSignal signal) {
        return signal.hotNodeP95() == null
                ? "no data"
                : String.format(Locale.ROOT, "%.1f %% %s", signal.hotNodeP95(), signal.state());
    }

    private static String theme(PoolState state) {
        return switch (state) {
            case OK -> "success";
            case WARN -> "warning";
            case HOT -> "error primary";
            case NO_DATA -> "contrast";
        };
    }

    private static String tooltip(PoolSignal signal) {
        return signal.pool() + " hot-node P95 " + format(signal) + " (threshold " + signal.threshold() + " %)";
    }
}
