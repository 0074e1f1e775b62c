package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.dashboard.DashboardService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.StampSignals;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The fleet dashboard: pick a region, see its stamps' hot-node P95, a heatmap of every pool's
 * hot-node CPU over the window, the active alerts and open plans. Refreshes itself by polling;
 * the poll listener lives only while the view is attached.
 */
@Route("")
@PageTitle("Fleet · Stampboard")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Fleet")
@RolesAllowed(Role.VIEWER_NAME)
public class FleetView extends VerticalLayout implements BeforeEnterObserver {

    static final int REFRESH_MS = 5_000;
    private static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DashboardService dashboard;
    final DashboardToolbar toolbar;
    final StampTable table;
    final AlertList alerts = new AlertList();
    final HeatmapPager pager;
    final StampHeatmap registryHeatmap;
    final StampHeatmap dataproxyHeatmap;
    final Span asOf = new Span();
    final OpenPlansPanel plans = new OpenPlansPanel();
    private final CurrentUser user;
    private final Paragraph emptyRegion = new Paragraph();
    private long shownMinute = Long.MIN_VALUE;
    private List<StampSignals> shown = List.of();
    private final HeatmapOrder heatmapOrder = new HeatmapOrder();

    public FleetView(
            DashboardService dashboard,
            CurrentUser user,
            dev.stampboard.score.ScoreService scores,
            dev.stampboard.capacity.CapacityService capacity) {
        this.dashboard = dashboard;
        this.user = user;
        this.table = new StampTable(dashboard::topTenant);
        dev.stampboard.score.ui.ScoreColumn.addTo(table, s -> s.stamp().name(), scores);
        dev.stampboard.capacity.ui.DaysUntilHot.addColumn(table, s -> s.stamp().name(), capacity);
        setWidthFull();
        Polling.whileAttached(this, REFRESH_MS, () -> refresh(false));
        registryHeatmap = new StampHeatmap(PoolKind.REGISTRY, this::openStamp);
        dataproxyHeatmap = new StampHeatmap(PoolKind.DATAPROXY, this::openStamp);
        toolbar =
                new DashboardToolbar(dashboard.regions(), this::openRegion, hotOnly -> changed(), filter -> changed());
        pager = new HeatmapPager(() -> {
            showHeatmaps(true);
            rememberInUrl();
        });

        var title = new H1("Fleet");
        title.getStyle().set("margin", "0");
        asOf.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var header = new HorizontalLayout(title, toolbar, asOf);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.expand(toolbar);

        var alertsBox = new VerticalLayout(new H2("Active alerts"), alerts);
        alertsBox.setPadding(false);
        alertsBox.setSpacing(false);
        alerts.setHeight("300px");
        var tableHeader = new HorizontalLayout(
                new H2("Stamps"),
                dev.stampboard.base.ui.CsvExport.link(
                        "stamps.csv",
                        List.of(
                                "stamp",
                                "region",
                                "kind",
                                "status",
                                "registry_p95",
                                "registry_state",
                                "dataproxy_p95",
                                "dataproxy_state"),
                        () -> shown,
                        s -> List.of(
                                s.stamp().name(),
                                s.stamp().region(),
                                s.stamp().kind(),
                                s.stamp().status(),
                                csv(s, PoolKind.REGISTRY, true),
                                csv(s, PoolKind.REGISTRY, false),
                                csv(s, PoolKind.DATAPROXY, true),
                                csv(s, PoolKind.DATAPROXY, false))));
        tableHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        var tableBox = new VerticalLayout(tableHeader, table);
        tableBox.setPadding(false);
        tableBox.setSpacing(false);
        table.setHeight("300px");
        var top = new HorizontalLayout(tableBox, alertsBox);
        top.setWidthFull();
        // side by side on a desktop, stacked as cards on a narrow screen (390 px)
        top.getStyle().set("flex-wrap", "wrap");
        tableBox.setMinWidth("min(100%, 32em)");
        alertsBox.setMinWidth("min(100%, 24em)");
        top.setFlexGrow(11, tableBox);
        top.setFlexGrow(9, alertsBox);

        emptyRegion.setVisible(false);
        add(header, emptyRegion, top, pager, registryHeatmap, dataproxyHeatmap, plans);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters();
        String region = q.getSingleParameter("region")
                .orElseGet(() -> dashboard.defaultRegion().orElse(null));
        toolbar.select(region);
        toolbar.hotOnly.setValue(q.getSingleParameter("hot").map("1"::equals).orElse(false));
        toolbar.filter.setValue(q.getSingleParameter("q").orElse(""));
        refresh(true);
        int page = q.getSingleParameter("page").map(FleetView::pageNumber).orElse(1) - 1;
        if (page > 0) {
            pager.open(page, shown.size());
            showHeatmaps(true);
        }
    }

    /** The dashboard's state as query parameters; defaults are left out so plain links stay plain. */
    static QueryParameters query(
            @org.jspecify.annotations.Nullable String region, boolean hotOnly, String filter, int page) {
        java.util.Map<String, String> q = new java.util.LinkedHashMap<>();
        if (region != null) {
            q.put("region", region);
        }
        if (hotOnly) {
            q.put("hot", "1");
        }
        if (!filter.isEmpty()) {
            q.put("q", filter);
        }
        if (page > 0) {
            q.put("page", Integer.toString(page + 1));
        }
        return QueryParameters.simple(q);
    }

    private static int pageNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The URL carries region, filters and heatmap page so a dashboard can be bookmarked; beforeEnter refreshes. */
    private void openRegion(String region) {
        getUI().ifPresent(ui -> ui.navigate(FleetView.class, query(region, toolbar.hotOnly(), toolbar.filter(), 0)));
    }

    private void changed() {
        refresh(true);
        rememberInUrl();
    }

    /** Keeps the address bar in step with region, filters and page (no navigation, no history entry). */
    private void rememberInUrl() {
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new com.vaadin.flow.router.Location(
                                "", query(toolbar.region(), toolbar.hotOnly(), toolbar.filter(), pager.page()))));
    }

    /** Re-reads the signals; the heatmaps are rebuilt only when the clock moved or the selection changed. */
    void refresh(boolean selectionChanged) {
        String region = toolbar.region();
        long now = dashboard.nowMinute();
        asOf.setText("as of " + AS_OF.format(Instant.ofEpochSecond(now * 60))
                + String.format(
                        Locale.ROOT,
                        " · WARN ≥ %.0f %%, HOT > %.0f %%",
                        dashboard.warnThreshold(),
                        dashboard.hotThreshold()));
        if (region == null
                || dashboard.regions().stream().noneMatch(r -> r.name().equals(region))) {
            showEmpty(
                    region == null
                            ? "No regions yet. Declare stamps with PUT /api/v1/stamps/{stamp} or enable the simulator."
                            : "Region '" + region + "' is not known. Pick one above.");
            return;
        }
        String filter = toolbar.filter();
        shown = dashboard.stamps(region, toolbar.hotOnly()).stream()
                .filter(s -> filter.isEmpty()
                        || s.stamp().name().toLowerCase(Locale.ROOT).contains(filter))
                .toList();
        if (shown.isEmpty()) {
            showEmpty(
                    !filter.isEmpty()
                            ? "No stamp of " + region + (toolbar.hotOnly() ? " at WARN or HOT" : "") + " has “" + filter
                                    + "” in its name."
                            : toolbar.hotOnly()
                                    ? "No stamp in " + region + " is at WARN or HOT. Clear “Hot only” to see all."
                                    : "Region " + region + " has no stamps yet.");
        } else {
            emptyRegion.setVisible(false);
        }
        table.show(shown);
        alerts.show(dashboard.alerts(region));
        plans.show(dashboard.openPlans(region), user.name(), user.has(Role.ENGINEER));
        pager.total(shown.size(), selectionChanged);
        if (selectionChanged || now != shownMinute) {
            showHeatmaps(selectionChanged);
            shownMinute = now;
        }
    }

    private void showEmpty(String text) {
        emptyRegion.setText(text);
        emptyRegion.setVisible(true);
        table.show(List.of());
        alerts.show(List.of());
        plans.show(List.of(), user.name(), false);
        pager.total(0, true);
        showHeatmaps(true);
    }

    /**
     * Draws the current heatmap page. The rows follow the table's hottest-first order as {@link HeatmapOrder}
     * holds it, so a refresh that only moved the clock keeps the rows and sends the new minutes.
     */
    private void showHeatmaps(boolean selectionChanged) {
        List<String> live = shown.stream().map(s -> s.stamp().name()).toList();
        List<String> page = pager.page(heatmapOrder.rows(live, dashboard.nowMinute(), selectionChanged));
        registryHeatmap.show(dashboard.heatmap(page, PoolKind.REGISTRY));
        dataproxyHeatmap.show(dashboard.heatmap(page, PoolKind.DATAPROXY));
    }

    private static Object csv(StampSignals s, PoolKind kind, boolean p95) {
        return s.pool(kind)
                .map(p -> p95 ? (Object) (p.hotNodeP95() == null ? "" : p.hotNodeP95()) : p.state())
                .orElse("");
    }

    private void openStamp(String stamp) {
        getUI().ifPresent(ui -> ui.navigate("stamps/" + stamp));
    }
}
