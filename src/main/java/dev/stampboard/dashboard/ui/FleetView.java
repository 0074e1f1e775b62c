package dev.stampboard.dashboard.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import jakarta.annotation.security.RolesAllowed;

/** Each region's stamps with both pools' hot-node P95, coloured by state; refreshes every few seconds. */
@Route("")
@PageTitle("Fleet · Stampboard")
@Menu(order = 0, icon = "vaadin:cluster", title = "Fleet")
@RolesAllowed("VIEWER")
public class FleetView extends VerticalLayout {

    static final int REFRESH_MS = 5_000;
    private static final java.time.format.DateTimeFormatter AS_OF =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final FleetService fleet;
    private final SignalsService signals;
    private final VerticalLayout regions = new VerticalLayout();
    private final Span summary = new Span();
    private Registration poll;

    public FleetView(FleetService fleet, SignalsService signals) {
        this.fleet = fleet;
        this.signals = signals;
        var title = new H2("Fleet");
        title.addClassNames(LumoUtility.Margin.NONE);
        summary.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        regions.setPadding(false);
        add(title, summary, regions);
        refresh();
    }

    void refresh() {
        regions.removeAll();
        List<RegionInfo> all = fleet.regions();
        summary.setText(summaryText());
        if (all.isEmpty()) {
            regions.add(new Paragraph("No stamps yet. Declare them with PUT /api/v1/stamps/{stamp} or enable the simulator."));
            return;
        }
        for (RegionInfo region : all) {
            List<StampSignals> stamps = signals.stampSignalsIn(region.name());
            var heading = new com.vaadin.flow.component.html.H3(region.name() + " · " + stamps.size() + " stamps");
            heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.XSMALL);
            regions.add(heading, stampGrid(region.name(), stamps));
        }
    }

    private String summaryText() {
        var window = signals.settings();
        return "Hot-node P95 over the peak window · WARN ≥ " + window.warnThreshold() + " %, HOT > "
                + window.hotThreshold() + " % · as of " + AS_OF.format(java.time.Instant.ofEpochSecond(signals.nowMinute() * 60));
    }

    private Grid<StampSignals> stampGrid(String region, List<StampSignals> stamps) {
        var grid = new Grid<StampSignals>();
        grid.setId("stamps-" + region);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(s -> new com.vaadin.flow.router.RouterLink(s.stamp().name(), StampDetailView.class,
                        new com.vaadin.flow.router.RouteParameters("name", s.stamp().name())))
                .setHeader("Stamp").setKey("stamp").setComparator(s -> s.stamp().name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(s -> s.stamp().kind()).setHeader("Kind").setKey("kind").setAutoWidth(true);
        grid.addColumn(s -> s.stamp().status()).setHeader("Status").setKey("status").setAutoWidth(true);
        for (PoolKind kind : PoolKind.values()) {
            grid.addComponentColumn(s -> s.pool(kind).<com.vaadin.flow.component.Component>map(PoolBadge::new)
                            .orElseGet(() -> new Span("—")))
                    .setHeader(label(kind) + " P95").setKey(kind.name())
                    .setComparator(Comparator.comparingDouble(s -> p95(s, kind))).setSortable(true).setAutoWidth(true);
            grid.addColumn(s -> s.pool(kind).map(PoolSignal::nodes).orElse(0)).setHeader(label(kind) + " nodes")
                    .setKey(kind.name() + "-nodes").setAutoWidth(true);
        }
        grid.setItems(stamps);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String label(PoolKind kind) {
        return kind == PoolKind.REGISTRY ? "Registry" : "Dataproxy";
    }

    private static double p95(StampSignals s, PoolKind kind) {
        return s.pool(kind).map(PoolSignal::hotNodeP95).map(Double::doubleValue).orElse(-1.0);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MS);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
