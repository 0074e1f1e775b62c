package dev.stampboard.capacity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.capacity.CapacityService;
import dev.stampboard.capacity.PoolOutlook;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.change.ui.ProposeChangeLink;
import dev.stampboard.capacity.engine.CapacitySettings;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Capacity and cost (issue 17): the fleet's savings, headroom per region, realised savings over time, the open
 * scale-in and scale-out recommendations with their evidence, and the node prices they are costed at.
 */
@Route("capacity")
@PageTitle("Capacity · Stampboard")
@Menu(order = 45, icon = "vaadin:coin-piles", title = "Capacity")
@RolesAllowed(Role.VIEWER_NAME)
public class CapacityView extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final Grid<CapacityService.RegionHeadroom> headroom = new Grid<>();
    final EChart savingsChart = new EChart();
    final EChart headroomChart = new EChart();
    final Grid<PoolOutlook> recommendations = new Grid<>();
    final Grid<CapacityService.NodePrice> prices = new Grid<>();

    public CapacityView(CapacityService capacity, CapacityChangeService changes) {
        setMaxWidth("1400px");
        String currency = capacity.currency();
        List<PoolOutlook> open =
                capacity.outlook(null).stream().filter(PoolOutlook::actionable).toList();
        CapacityService.Savings savings = capacity.savings();
        CapacitySettings settings = capacity.settings();
        summary.setId("capacity-summary");
        summary.setText(String.format(
                Locale.ROOT,
                "%d open recommendations would save %s a month (potential); completed scale-ins save %s a month"
                        + " (realised); the fleet's nodes cost %s a month. A pool is sized so its predicted hot-node P95 stays at or below %.0f %% (threshold"
                        + " %.0f − margin %.0f − headroom %.0f), growth over %d days included.",
                open.size(),
                money(savings.openMonthly(), currency),
                money(savings.realisedMonthly(), currency),
                money(savings.fleetMonthlyCost(), currency),
                settings.limit(),
                settings.hotThreshold(),
                settings.margin(),
                settings.headroomPp(),
                settings.scaleOutWithinDays()));

        headroom.setId("headroom");
        headroom.addThemeVariants(GridVariant.LUMO_COMPACT);
        headroom.addColumn(CapacityService.RegionHeadroom::region)
                .setHeader("Region")
                .setAutoWidth(true);
        headroom.addColumn(h -> pool(h.pool())).setHeader("Pool").setAutoWidth(true);
        headroom.addColumn(CapacityService.RegionHeadroom::nodes)
                .setHeader("Nodes")
                .setAutoWidth(true);
        headroom.addColumn(CapacityService.RegionHeadroom::neededNodes)
                .setHeader("Needed")
                .setAutoWidth(true);
        headroom.addColumn(h -> h.spareNodes()
                        + String.format(Locale.ROOT, " (%.0f %%)", 100.0 * h.spareNodes() / Math.max(1, h.nodes())))
                .setHeader("Spare")
                .setAutoWidth(true);
        headroom.addColumn(h -> pct(h.hottestP95())).setHeader("Hottest P95").setAutoWidth(true);
        List<CapacityService.RegionHeadroom> regions = capacity.headroom();
        headroom.setItems(regions);
        headroom.setAllRowsVisible(true);
        headroomChart.setId("headroom-chart");
        headroomChart.setOption(CapacityCharts.headroom(regions));
        headroomChart.setWidthFull();
        headroomChart.setHeight("280px");
        headroomChart.setSummary("Nodes per region and pool: needed by the model, spare above that, missing below it");

        savingsChart.setId("savings-over-time");
        savingsChart.setOption(CapacityCharts.savingsOverTime(savings.overTime(), currency));
        savingsChart.setWidthFull();
        savingsChart.setHeight("260px");
        savingsChart.setSummary("Realised saving a month (completed scale-ins) per day: "
                + money(savings.realisedMonthly(), currency) + " today");

        recommendations.setId("recommendations");
        recommendations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        recommendations
                .addColumn(PoolOutlook::stamp)
                .setHeader("Stamp")
                .setKey("stamp")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> pool(o.pool()))
                .setHeader("Pool")
                .setKey("pool")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> o.advice().kind().name().replace('_', ' ').toLowerCase(Locale.ROOT))
                .setHeader("Advice")
                .setKey("kind")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> o.advice().currentNodes() + " → " + o.advice().recommendedNodes())
                .setHeader("Nodes")
                .setKey("nodes")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> o.advice().currentMinimum() + " → " + o.advice().recommendedMinimum())
                .setHeader("Minimum")
                .setKey("minimum")
                .setAutoWidth(true);
        recommendations
                .addColumn(o ->
                        pct(o.advice().currentP95()) + " → " + pct(o.advice().predictedP95()))
                .setHeader("P95 now → predicted")
                .setKey("p95")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> money(o.monthlySaving(), currency))
                .setHeader("Saving / month")
                .setKey("saving")
                .setAutoWidth(true);
        recommendations
                .addColumn(o -> o.advice().reason())
                .setHeader("Reason")
                .setKey("reason")
                .setFlexGrow(1);
        if (changes.isEngineer()) {
            // an engineer proposes the change from its row; another engineer approves it (four eyes)
            recommendations
                    .addComponentColumn(o -> ProposeChangeLink.button(
                            o.stamp(),
                            o.pool(),
                            o.advice().recommendedNodes(),
                            o.advice().recommendedMinimum(),
                            o.advice().predictedP95(),
                            o.advice().reason()))
                    .setHeader("Action")
                    .setKey("propose")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        recommendations.setItemDetailsRenderer(new ComponentRenderer<>(o -> {
            var evidence = new VerticalLayout();
            evidence.setPadding(false);
            evidence.setSpacing(false);
            o.advice().evidence().forEach(line -> evidence.add(new Span(line)));
            return evidence;
        }));
        recommendations.setItems(open);
        recommendations.setAllRowsVisible(true);

        prices.setId("node-prices");
        prices.addThemeVariants(GridVariant.LUMO_COMPACT);
        prices.addColumn(CapacityService.NodePrice::region).setHeader("Region").setAutoWidth(true);
        prices.addColumn(p -> pool(p.pool())).setHeader("Pool").setAutoWidth(true);
        prices.addColumn(p -> String.format(Locale.ROOT, "%.3f %s", p.hourly(), currency))
                .setHeader("Node-hour")
                .setAutoWidth(true);
        prices.addColumn(p -> money(p.monthly(), currency))
                .setHeader("Node-month (730 h)")
                .setAutoWidth(true);
        prices.setItems(capacity.prices());
        prices.setAllRowsVisible(true);

        add(new H2("Capacity"), summary);
        add(new H2("Open recommendations"), recommendations);
        add(new H2("Headroom per region"), headroomChart, headroom);
        add(new H2("Savings over time"), savingsChart);
        add(
                new H2("Node prices"),
                new Paragraph("Settings: stampboard.capacity.node-prices.<region|default>."
                        + "<registry|dataproxy>, per node-hour."),
                prices);
    }

    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.0f %s", amount, currency);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    private static String pool(dev.stampboard.fleet.PoolKind pool) {
        return pool.name().toLowerCase(Locale.ROOT);
    }
}
