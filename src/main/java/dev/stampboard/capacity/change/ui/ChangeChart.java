package dev.stampboard.capacity.change.ui;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.DataZoom;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.MarkLine;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.signals.engine.HotNodeSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pool's hot node per minute over the peak window, with the target and the moment the pool was resized. */
class ChangeChart extends EChart {

    ChangeChart() {
        setId("change-chart");
        setHeight("280px");
    }

    void show(CapacityChangeDetails change, HotNodeSeries series, double target) {
        List<LineSeries.Point> points = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            double v = series.values()[i];
            points.add(LineSeries.Point.of(
                    Instant.ofEpochSecond(series.minutes()[i] * 60),
                    Double.isNaN(v) ? null : Math.round(v * 10) / 10.0));
        }
        LineSeries hot = LineSeries.of("Hot node per minute", points)
                .withColor("#228be6")
                .withThreshold(target, String.format(Locale.ROOT, "target %.0f %%", target), "#e8590c");
        List<MarkLine.Mark> marks = new ArrayList<>();
        if (change.appliedAt() != null) {
            marks.add(new MarkLine.Mark(
                    change.resize().fromInstances() + " → " + change.resize().toInstances() + " nodes",
                    change.appliedAt().toEpochMilli(),
                    null));
        }
        if (change.state().name().equals("REVERTED")) {
            marks.add(new MarkLine.Mark("reverted", change.stateSince().toEpochMilli(), null));
        }
        var label = new dev.stampboard.base.ui.chart.Label(true, "insideEndTop", "{b}", "#862e9c", null, null);
        LineSeries events = new LineSeries(
                "Resized",
                List.of(),
                null,
                false,
                null,
                null,
                null,
                marks.isEmpty()
                        ? null
                        : new MarkLine(
                                true, "none", marks, label, dev.stampboard.base.ui.chart.LineStyle.dashed("#862e9c")),
                null);
        setOption(ChartOption.line(Axis.time(), Axis.value().withUnit(" %").withRange(0d, 100d), hot, events)
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1))
                .withDataZoom(DataZoom.insideX()));
        setSummary(String.format(
                Locale.ROOT,
                "Hot-node CPU of %s %s over the peak window (%d minutes), target %.0f %%%s",
                change.stamp(),
                change.pool().name().toLowerCase(Locale.ROOT),
                series.size(),
                target,
                change.appliedAt() == null ? "" : "; resized at " + change.appliedAt()));
    }
}
