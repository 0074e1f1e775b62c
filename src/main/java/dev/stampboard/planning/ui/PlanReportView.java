package dev.stampboard.planning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.ReportRow;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The outcome report of a plan: hot-node P95 before → after per stamp pool (after = measured when the
 * execution finished; until then, now), change in pp and %, and the prediction.
 */
@Route("plans/:id/report")
@PageTitle("Plan report · Stampboard")
@RolesAllowed(Role.VIEWER_NAME)
public class PlanReportView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanningService planning;
    final Grid<ReportRow> grid = new Grid<>();
    final EChart chart = new EChart();

    public PlanReportView(PlanningService planning) {
        this.planning = planning;
        grid.setId("report");
        PlanGrids.compact(grid);
        grid.addColumn(ReportRow::stamp).setHeader("Stamp").setKey("stamp").setAutoWidth(true);
        grid.addColumn(ReportRow::pool).setHeader("Pool").setKey("pool").setAutoWidth(true);
        grid.addColumn(r -> pct(r.before()))
                .setHeader("Before")
                .setKey("before")
                .setAutoWidth(true);
        grid.addColumn(r -> pct(r.after())).setHeader("After").setKey("after").setAutoWidth(true);
        grid.addColumn(r -> r.changePp() == null ? "—" : String.format(Locale.ROOT, "%+.1f pp", r.changePp()))
                .setHeader("Change")
                .setKey("changePp")
                .setAutoWidth(true);
        grid.addColumn(r -> r.changePct() == null ? "—" : String.format(Locale.ROOT, "%+.1f %%", r.changePct()))
                .setHeader("Change (%)")
                .setKey("changePct")
                .setAutoWidth(true);
        grid.addColumn(r -> pct(r.predicted()))
                .setHeader("Predicted")
                .setKey("predicted")
                .setAutoWidth(true);
        chart.setId("report-chart");
        chart.setHeight("320px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        List<ReportRow> rows;
        try {
            rows = planning.report(PlanId.of(id));
        } catch (NotFoundException e) {
            add(new H1("Plan not found"), new Paragraph(e.getMessage()));
            return;
        }
        var title = new H1("Outcome report · plan " + id.substring(0, Math.min(8, id.length())));
        title.getStyle().set("margin", "0");
        var measuredAt = rows.stream()
                .map(ReportRow::measuredAt)
                .filter(java.util.Objects::nonNull)
                .findFirst();
        add(
                title,
                new Paragraph(
                        "Hot-node P95 when the plan was computed and "
                                + measuredAt
                                        .map(at -> "when its execution finished (" + at + ", simulated)")
                                        .orElse("now (the plan has not finished executing)")
                                + ", per stamp pool the plan touches; the prediction is the planner's expectation after all moves."),
                new RouterLink("Back to the plan", PlanReviewView.class, new RouteParameters("id", id)));
        List<String> labels =
                rows.stream().map(r -> r.stamp() + " " + r.pool().toLowerCase()).toList();
        chart.setOption(ChartOption.bar(
                        labels,
                        BarSeries.of(
                                        "before",
                                        rows.stream()
                                                .map(r -> round(r.before()))
                                                .toList())
                                .withColor("#fa5252"),
                        BarSeries.of(
                                        "after",
                                        rows.stream().map(r -> round(r.after())).toList())
                                .withColor("#228be6"),
                        BarSeries.of(
                                        "predicted",
                                        rows.stream()
                                                .map(r -> round(r.predicted()))
                                                .toList())
                                .withColor("#2f9e44"))
                .withYAxis(Axis.value().withUnit(" %").withRange(0d, 100d))
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1)));
        chart.setSummary("Hot-node P95 before, after and predicted, per stamp pool: "
                + String.join(
                        "; ",
                        rows.stream()
                                .map(r -> r.stamp() + " " + r.pool().toLowerCase() + " " + pct(r.before()) + " before, "
                                        + pct(r.after()) + " after, " + pct(r.predicted()) + " predicted")
                                .toList()));
        grid.setItems(rows);
        add(
                chart,
                grid,
                dev.stampboard.base.ui.CsvExport.link(
                        "plan-" + id.substring(0, Math.min(8, id.length())) + "-outcome.csv",
                        List.of(
                                "stamp",
                                "pool",
                                "before_p95",
                                "after_p95",
                                "change_pp",
                                "change_pct",
                                "predicted_p95",
                                "measured_at"),
                        () -> rows,
                        r -> java.util.Arrays.asList(
                                r.stamp(),
                                r.pool(),
                                r.before(),
                                r.after(),
                                r.changePp(),
                                r.changePct(),
                                r.predicted(),
                                r.measuredAt())));
    }

    private static String pct(@Nullable Double v) {
        return v == null ? "no data" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    /** A value to one decimal; null (no data) stays null, a gap in the chart. */
    private static @Nullable Double round(@Nullable Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }
}
