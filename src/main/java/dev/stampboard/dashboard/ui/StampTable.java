package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.StampSignals;
import java.util.Comparator;
import java.util.List;

/** The region's stamps with both pools' hot-node P95; sortable, hottest first by default. */
class StampTable extends Grid<StampSignals> {

    StampTable(java.util.function.Function<StampSignals, String> topTenant) {
        setId("stamps");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(s -> stampLink(s.stamp().name()))
                .setHeader("Stamp")
                .setKey("stamp")
                .setSortable(true)
                .setComparator(Comparator.comparing(s -> s.stamp().name()))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(s -> s.stamp().kind().name().toLowerCase() + " · "
                        + s.stamp().status().name().toLowerCase())
                .setHeader("Kind · status")
                .setKey("kind")
                .setAutoWidth(true);
        for (PoolKind kind : PoolKind.values()) {
            addComponentColumn(s -> s.pool(kind).<Component>map(PoolBadge::new).orElseGet(() -> new Span("—")))
                    .setHeader(label(kind) + " P95")
                    .setKey(kind.name())
                    .setComparator(Comparator.comparingDouble(s -> p95(s, kind)))
                    .setSortable(true)
                    .setAutoWidth(true);
            addColumn(s -> s.pool(kind).map(PoolSignal::nodes).orElse(0))
                    .setHeader("nodes")
                    .setKey(kind.name() + "-nodes")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        addColumn(topTenant::apply)
                .setHeader("Top tenant")
                .setKey("top-tenant")
                .setAutoWidth(true)
                .setTooltipGenerator(
                        s -> "The customer with the largest share of this stamp's hotter pool over the window");
        setHeight("100%");
    }

    void show(List<StampSignals> stamps) {
        // auto width measures only the rows drawn first: size the name column for the longest name of all
        int longest =
                stamps.stream().mapToInt(s -> s.stamp().name().length()).max().orElse(8);
        getColumnByKey("stamp").setAutoWidth(false).setWidth("calc(" + Math.max(8, longest) + "ch + 2.5em)");
        setItems(stamps);
    }

    static RouterLink stampLink(String stamp) {
        return new RouterLink(stamp, StampDetailView.class, new RouteParameters("name", stamp));
    }

    private static String label(PoolKind kind) {
        return kind == PoolKind.REGISTRY ? "Registry" : "Dataproxy";
    }

    private static double p95(StampSignals s, PoolKind kind) {
        return s.pool(kind).map(PoolSignal::hotNodeP95).map(Double::doubleValue).orElse(-1.0);
    }
}
