package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.fleet.HomeStampChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Home-stamp changes: when, (registry,) region, from → to, reason. A first placement shows "placed on". */
class HomeStampChangesGrid extends Grid<HomeStampChange> {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    HomeStampChangesGrid(String id, List<HomeStampChange> changes, boolean withRegistry) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(c -> WHEN.format(c.changedAt()))
                .setHeader("When")
                .setKey("when")
                .setAutoWidth(true);
        if (withRegistry) {
            addComponentColumn(c -> new RouterLink(
                            c.registry(), RegistryDetailView.class, new RouteParameters("name", c.registry())))
                    .setHeader("Registry")
                    .setKey("registry")
                    .setAutoWidth(true);
        }
        addColumn(HomeStampChange::region).setHeader("Region").setKey("region").setAutoWidth(true);
        addColumn(c -> c.fromStamp() == null ? "placed on " + c.toStamp() : c.fromStamp() + " → " + c.toStamp())
                .setHeader("From → to")
                .setKey("move")
                .setAutoWidth(true);
        addColumn(HomeStampChange::reason).setHeader("Reason").setKey("reason").setFlexGrow(1);
        setItems(changes);
        setAllRowsVisible(true);
    }
}
