package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.stampboard.isolation.IsolationStateChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A request's append-only state history. */
class RequestHistoryGrid extends Grid<IsolationStateChange> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A customer sees the states, not the system's notes on stamps and plans (customers never see a move). */
    RequestHistoryGrid(List<IsolationStateChange> history, boolean forCustomer) {
        setId("history");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(h -> WHEN.format(h.at()))
                .setHeader("When (UTC)")
                .setKey("at")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(h -> h.actor().name())
                .setHeader("Who")
                .setKey("actor")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(h -> (h.from() == null ? "" : h.from() + " → ") + h.to())
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(h -> h.note() == null || forCustomer && h.actor().isSystem() ? "" : h.note())
                .setHeader("Note")
                .setKey("note")
                .setFlexGrow(1);
        setItems(history);
    }
}
