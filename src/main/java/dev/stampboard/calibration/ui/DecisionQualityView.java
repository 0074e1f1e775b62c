package dev.stampboard.calibration.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.calibration.CalibrationReport;
import dev.stampboard.calibration.CalibrationService;
import dev.stampboard.calibration.engine.PredictionError;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * Decision quality (issue 12): how far each validated move's measured hot-node P95 landed from the prediction,
 * before and after calibration, and per plan its worst miss with the reason the fleet gives.
 */
@Route("decision-quality")
@PageTitle("Decision quality · Stampboard")
@Menu(order = 40, icon = "vaadin:crosshairs", title = "Decision quality")
@RolesAllowed(Role.VIEWER_NAME)
public class DecisionQualityView extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final EChart scatter = new EChart();
    final EChart histogram = new EChart();
    final EChart overTime = new EChart();
    final Grid<CalibrationReport.WorstMiss> misses = new Grid<>();

    public DecisionQualityView(CalibrationService calibration) {
        CalibrationReport report = calibration.report();
        summary.setId("calibration-summary");
        summary.setText(summary(report));

        scatter.setId("predicted-vs-measured");
        scatter.setOption(DecisionQualityCharts.scatter(report.outcomes()));
        histogram.setId("error-histogram");
        histogram.setOption(DecisionQualityCharts.histogram(report.outcomes(), report.heldOut()));
        overTime.setId("error-over-time");
        overTime.setOption(DecisionQualityCharts.overTime(report.outcomes(), report.heldOut()));
        for (EChart chart : new EChart[] {scatter, histogram, overTime}) {
            chart.setHeight("320px");
            chart.setWidth("440px");
        }

        misses.setId("worst-misses");
        // the reason is the point of the table: it wraps rather than ending in an ellipsis
        misses.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        misses.addColumn(m -> m.plan().substring(0, Math.min(8, m.plan().length())))
                .setHeader("Plan")
                .setKey("plan")
                .setAutoWidth(true);
        misses.addColumn(CalibrationReport.WorstMiss::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true);
        misses.addColumn(m -> m.stamp() + " " + m.pool().toLowerCase(Locale.ROOT))
                .setHeader("Pool")
                .setKey("pool")
                .setAutoWidth(true);
        misses.addColumn(m -> String.format(Locale.ROOT, "%.1f %%", m.predicted()))
                .setHeader("Predicted")
                .setKey("predicted");
        misses.addColumn(m -> String.format(Locale.ROOT, "%.1f %%", m.measured()))
                .setHeader("Measured")
                .setKey("measured");
        misses.addColumn(m -> String.format(Locale.ROOT, "%+.1f pp", m.errorPp()))
                .setHeader("Miss")
                .setKey("miss");
        misses.addColumn(CalibrationReport.WorstMiss::reason)
                .setHeader("Why, as the fleet tells it")
                .setKey("reason")
                .setFlexGrow(3);
        misses.setItems(report.worstMisses());
        misses.setEmptyStateText("No move has been validated yet.");
        misses.setAllRowsVisible(true);

        FlexLayout charts = new FlexLayout(
                captioned("Predicted vs measured hot-node P95, per pool", scatter),
                captioned("How far each prediction missed (measured − predicted)", histogram),
                captioned("Misses over time, by when the move was judged", overTime));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(new H2("Decision quality"), summary, charts, new H3("Worst miss per plan"), misses);
    }

    private static com.vaadin.flow.component.orderedlayout.VerticalLayout captioned(String caption, EChart chart) {
        com.vaadin.flow.component.orderedlayout.VerticalLayout box =
                new com.vaadin.flow.component.orderedlayout.VerticalLayout(
                        new com.vaadin.flow.component.html.H4(caption), chart);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidth(null);
        return box;
    }

    static String summary(CalibrationReport r) {
        if (r.outcomes().isEmpty()) {
            return "No move has been validated yet: nothing to measure.";
        }
        return String.format(
                Locale.ROOT,
                "%d pools measured. Evaluated %s. Uncalibrated: %s. Calibrated (fitted from"
                        + " %d moves): %s. The planner %s.",
                r.outcomes().size(),
                // "on plan 1a2b… (5 pools), fitted on …" when one is held out, else "in sample: …"
                (r.heldOut() ? "on " : "") + r.evaluatedOn(),
                error(r.uncalibrated()),
                r.moves(),
                error(r.calibrated()),
                r.plannerUsesIt()
                        ? "predicts with the calibration fitted from all "
                                + r.current().moves() + " moves"
                        : "predicts uncalibrated until " + r.minMoves() + " moves are measured");
    }

    private static String error(PredictionError e) {
        return Double.isNaN(e.meanAbsErrorPp())
                ? "n/a"
                : String.format(
                        Locale.ROOT, "mean absolute error %.1f pp, bias %+.1f pp", e.meanAbsErrorPp(), e.biasPp());
    }
}
