package dev.stampboard.planning.ui;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanPrediction;
import java.util.List;

/** Before and predicted-after hot-node P95 per stamp pool, side by side. */
class PredictionChart extends EChart {

    PredictionChart(PlanDetails plan) {
        this(plan.predictions());
    }

    PredictionChart(List<PlanPrediction> rows) {
        setId("prediction-chart");
        List<String> labels =
                rows.stream().map(p -> p.stamp() + " " + p.pool().toLowerCase()).toList();
        setOption(ChartOption.bar(
                        labels,
                        BarSeries.of(
                                        "before",
                                        rows.stream()
                                                .map(p -> round(p.beforeP95()))
                                                .toList())
                                .withColor("#fa5252"),
                        BarSeries.of(
                                        "after (predicted)",
                                        rows.stream()
                                                .map(p -> round(p.afterP95()))
                                                .toList())
                                .withColor("#2f9e44"))
                .withYAxis(Axis.value().withUnit(" %").withRange(0d, 100d))
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1)));
        setHeight("300px");
        setSummary("Hot-node P95 before and predicted after the plan: "
                + String.join(
                        "; ",
                        rows.stream()
                                .map(p -> String.format(
                                        java.util.Locale.ROOT,
                                        "%s %s %.1f %% to %.1f %%",
                                        p.stamp(),
                                        p.pool().toLowerCase(),
                                        p.beforeP95(),
                                        p.afterP95()))
                                .toList()));
    }

    private static Double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
