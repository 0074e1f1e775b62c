package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.stampboard.dashboard.Alert;
import dev.stampboard.signals.engine.AlertSubject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Active alerts: pools at WARN/HOT, sustained reactive triggers and score triggers, with the signal and since-when. */
class AlertList extends Grid<Alert> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    AlertList() {
        setId("alerts");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addComponentColumn(AlertList::severity)
                .setHeader("")
                .setKey("severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(a -> where(a.subject()))
                .setHeader("Where")
                .setKey("subject")
                .setWidth("12em")
                .setFlexGrow(0);
        addColumn(a -> a.signal() == null ? "early warning" : a.signal().label())
                .setHeader("Signal")
                .setKey("signal")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTooltipGenerator(a -> a.signal() == null
                        ? "Below the hot threshold: a warning, not a trigger"
                        : "This signal triggers rebalancing: the planner takes the stamp as a source");
        addColumn(Alert::message).setHeader("What").setKey("message").setFlexGrow(1);
        addColumn(a -> (a.sinceAtLeast() ? "≤ " : "") + WHEN.format(Instant.ofEpochSecond(a.sinceMinute() * 60)))
                .setHeader("Since (UTC)")
                .setKey("since")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTooltipGenerator(
                        a -> a.sinceAtLeast() ? "Already in this state when the console started observing" : null);
        setEmptyStateText("No alerts: every pool is below the warning level and no reactive trigger fires.");
    }

    void show(List<Alert> alerts) {
        setItems(alerts);
    }

    /** The stamp, or an Azure registry replica as {@code name @ region} (the column is narrow); else its label. */
    static String where(AlertSubject subject) {
        if (subject instanceof AlertSubject.Replica replica
                && replica.registry().value().endsWith(AZURE_SUFFIX)) {
            String registry = replica.registry().value();
            return registry.substring(0, registry.length() - AZURE_SUFFIX.length()) + " @ "
                    + replica.region().value();
        }
        return subject.label();
    }

    private static final String AZURE_SUFFIX = ".azurecr.io";

    private static Span severity(Alert a) {
        var badge = new Span(a.severity().name());
        badge.getElement()
                .getThemeList()
                .add("badge small "
                        + switch (a.severity()) {
                            case HOT -> "error primary";
                            case TRIGGER -> "error";
                            case WARN -> "warning";
                        });
        return badge;
    }
}
