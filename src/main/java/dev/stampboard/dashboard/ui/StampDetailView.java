package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.dashboard.StampDetailService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One stamp: its pools' hot-node trend, who makes the load, its nodes, registries and moves. */
@Route("stamps/:name")
@RolesAllowed(Role.VIEWER_NAME)
public class StampDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StampDetailService detail;
    private final SignalsService signals;
    private final dev.stampboard.capacity.CapacityService capacity;
    private String title = "Stamp · Stampboard";

    private final dev.stampboard.score.ScoreService scores;
    private final dev.stampboard.fleet.FleetService fleet;
    private final dev.stampboard.security.CurrentUser user;

    public StampDetailView(
            StampDetailService detail,
            SignalsService signals,
            dev.stampboard.score.ScoreService scores,
            dev.stampboard.capacity.CapacityService capacity,
            dev.stampboard.fleet.FleetService fleet,
            dev.stampboard.security.CurrentUser user) {
        this.fleet = fleet;
        this.user = user;
        this.detail = detail;
        this.signals = signals;
        this.scores = scores;
        this.capacity = capacity;
        setMaxWidth("1600px");
    }

    /** The time-range picker's choices: label → hours. */
    static final java.util.Map<String, Integer> RANGES = new java.util.LinkedHashMap<>();

    static {
        RANGES.put("6 h", 6);
        RANGES.put("12 h", 12);
        RANGES.put("24 h", 24);
        RANGES.put("7 d", 168);
    }

    private @org.jspecify.annotations.Nullable Integer hours;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        hours = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("range")
                .map(r -> RANGES.get(r.replace("h", " h").replace("d", " d")))
                .orElse(null);
        removeAll();
        detail.stamp(name).ifPresentOrElse(this::show, () -> {
            title = "Stamp not found · Stampboard";
            add(new NotFound("Stamp '" + name + "' not found", "Back to the fleet", ""));
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(StampSignals stamp) {
        String name = stamp.stamp().name();
        title = name + " · Stampboard";
        String window = detail.peakWindowDescription();
        var settings = signals.settings();
        add(new StampHeader(stamp, HomeStampChangesGrid.WHEN.format(Instant.ofEpochSecond(signals.nowMinute() * 60))));
        add(new StampStatusActions(stamp.stamp(), fleet, user));

        List<HomeStampChange> stampMoves = detail.moves(name);
        List<Component> trends = new ArrayList<>();
        List<Component> shares = new ArrayList<>();
        for (PoolKind pool : PoolKind.values()) {
            if (stamp.pool(pool).isPresent()) {
                trends.add(new HotNodeTrendChart(
                        pool,
                        hours == null ? detail.hotNodeTrend(name, pool) : detail.hotNodeTrend(name, pool, hours),
                        name,
                        stampMoves));
                shares.add(new TrafficShareChart(pool, detail.trafficShare(name, pool), window));
            }
        }
        var range = new com.vaadin.flow.component.select.Select<String>();
        range.setId("time-range");
        range.setAriaLabel("Time range of the trend charts");
        range.setItems(RANGES.keySet());
        range.setValue(RANGES.entrySet().stream()
                .filter(e -> e.getValue().equals(hours == null ? 12 : hours))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse("12 h"));
        range.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(
                        "stamps/" + name,
                        com.vaadin.flow.router.QueryParameters.of(
                                "range", e.getValue().replace(" ", ""))));
            }
        });
        var trendHeader = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
                section("Hot-node P95 trend"),
                range,
                new com.vaadin.flow.component.html.Span("Drag or scroll on a chart to zoom"));
        trendHeader.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        trendHeader.getStyle().set("flex-wrap", "wrap");
        add(trendHeader, DetailCharts.cardGrid("480px", trends.toArray(Component[]::new)));
        add(new dev.stampboard.score.ui.StampScoreSection(scores, name));
        add(
                section("Growth forecast"),
                new dev.stampboard.capacity.ui.StampForecast(capacity, name, settings.hotThreshold()));
        var customers = DetailCharts.card(
                "Who makes the heat",
                "Each customer's share of the pools' traffic over the " + window + ", its registries beneath",
                new CustomerShareGrid(detail.customerShare(name)));
        // as wide as the page, not as its columns: on a phone the grid scrolls inside instead of the page sideways
        customers.setWidthFull();
        customers.getStyle().set("box-sizing", "border-box");
        add(section("Traffic share per customer"), customers);
        add(section("Traffic share per registry"), DetailCharts.cardGrid("480px", shares.toArray(Component[]::new)));

        var nodes = DetailCharts.card(
                "Nodes",
                "Newest minute's CPU, hottest first",
                new NodesGrid(detail.nodes(name), settings.warnThreshold(), settings.hotThreshold()));
        var registries = DetailCharts.card(
                "Registries on this stamp",
                "Share of requests and bytes and throttled requests over the " + window
                        + "; p99 latency of the newest minute with requests",
                new StampRegistriesGrid(detail.registries(name)));
        nodes.getStyle().set("flex", "1 1 320px");
        registries.getStyle().set("flex", "2.4 1 640px");
        var lists = new Div(nodes, registries);
        lists.setWidthFull();
        lists.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        add(section("Nodes and registries"), lists);

        add(section("Moves in and out"), moves(stampMoves));
    }

    private static Component moves(List<HomeStampChange> moves) {
        if (moves.isEmpty()) {
            var empty = new Paragraph("No moves yet");
            empty.setId("moves-empty");
            empty.addClassNames(LumoUtility.TextColor.SECONDARY);
            return empty;
        }
        return new HomeStampChangesGrid("moves", moves, true);
    }

    private static H2 section(String text) {
        var h = new H2(text);
        h.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        return h;
    }
}
