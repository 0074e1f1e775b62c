package dev.stampboard.capacity.ui;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.Legend;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.Series;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.capacity.CapacityService;
import dev.stampboard.capacity.engine.DailyPeak;
import dev.stampboard.capacity.engine.GrowthForecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ECharts options of the capacity screens, built from the service's figures. */
final class CapacityCharts {

    private CapacityCharts() {}

    /** Realised saving a month, per recorded day. */
    static ChartOption savingsOverTime(List<CapacityService.SavingsPoint> points, String currency) {
        List<String> days = points.stream().map(p -> p.day().toString()).toList();
        List<Double> values = points.stream()
                .map(p -> Math.round(p.realisedMonthly() * 100) / 100.0)
                .toList();
        return ChartOption.line(
                        Axis.category(days),
                        Axis.value().withName(currency + " / month"),
                        LineSeries.ofValues("realised saving", values).withColor("#2f9e44"))
                .withGrid(GridBox.of("40", "24", "40", "56"));
    }

    /**
     * Headroom per region and pool kind, stacked: the nodes the model says are needed, the spare nodes above that, and
     * the nodes missing where a region needs more than it has.
     */
    static ChartOption headroom(List<CapacityService.RegionHeadroom> rows) {
        List<String> categories = rows.stream()
                .map(h -> h.region() + " " + h.pool().name().toLowerCase(java.util.Locale.ROOT))
                .toList();
        List<Integer> needed =
                rows.stream().map(h -> Math.min(h.nodes(), h.neededNodes())).toList();
        List<Integer> spare =
                rows.stream().map(h -> Math.max(0, h.spareNodes())).toList();
        List<Integer> missing =
                rows.stream().map(h -> Math.max(0, -h.spareNodes())).toList();
        return ChartOption.bar(
                        categories,
                        BarSeries.of("needed nodes", needed).stacked("nodes").withColor("#1971c2"),
                        BarSeries.of("spare nodes", spare).stacked("nodes").withColor("#2f9e44"),
                        BarSeries.of("missing nodes", missing).stacked("nodes").withColor("#e03131"))
                .withYAxis(Axis.value().withName("nodes"))
                .withGrid(GridBox.of("48", "24", "48", "56"));
    }

    /**
     * A pool's daily peak P95 (history), the forecast's mean line and its prediction band (stacked bars: an invisible
     * lower bound, then the band's width), with the HOT threshold.
     */
    /** A day's place on the x axis; every day charted was put on the axis first. */
    private static int axisIndex(Map<LocalDate, Integer> index, LocalDate day) {
        Integer i = index.get(day);
        if (i == null) {
            throw new IllegalStateException("day " + day + " is not on the chart's axis");
        }
        return i;
    }

    static ChartOption forecast(GrowthForecast.Forecast f, double threshold) {
        List<String> days = new ArrayList<>();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (DailyPeak d : f.history()) {
            index.put(d.day(), days.size());
            days.add(d.day().toString());
        }
        for (GrowthForecast.Point p : f.points()) {
            index.put(p.day(), days.size());
            days.add(p.day().toString());
        }
        // [category index, value] pairs: the history and the forecast each cover only their own days
        List<LineSeries.Point> measured = f.history().stream()
                .map(d -> LineSeries.Point.of(axisIndex(index, d.day()), round(d.p95())))
                .toList();
        List<LineSeries.Point> mean = new ArrayList<>();
        List<Double> lower = nulls(days.size());
        List<Double> width = nulls(days.size());
        for (GrowthForecast.Point p : f.points()) {
            int i = axisIndex(index, p.day());
            mean.add(LineSeries.Point.of(i, round(p.mean())));
            lower.set(i, round(Math.max(0, p.lower())));
            width.set(i, round(Math.min(100, p.upper()) - Math.max(0, p.lower())));
        }
        List<Series> series = List.of(
                BarSeries.of("band floor", lower).stacked("band").withColor("rgba(0,0,0,0)"),
                BarSeries.of(Math.round(f.confidence() * 100) + " % band", width)
                        .stacked("band")
                        .withColor("rgba(25, 113, 194, 0.18)"),
                LineSeries.of("daily peak P95", measured).withColor("#495057"),
                LineSeries.of("forecast", mean)
                        .withColor("#1971c2")
                        .withThreshold(threshold, "HOT " + Math.round(threshold) + " %", "#e03131"));
        return new ChartOption(
                null,
                Tooltip.axis(),
                Legend.atTop(),
                GridBox.of("40", "24", "40", "48"),
                Axis.category(days),
                Axis.value().withUnit(" %").withRange(0d, 100d),
                null,
                null,
                series);
    }

    private static List<Double> nulls(int n) {
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
