package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.DataZoom;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.MarkArea;
import dev.stampboard.base.ui.chart.MarkLine;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.dashboard.HotNodeTrend;
import dev.stampboard.fleet.PoolKind;
import java.util.Locale;

/**
 * A pool's hot-node minute values and rolling P95 over the peak window, on 0–100 %, with the hot threshold
 * as a dashed line and the warning band below it. Without telemetry it says so instead of drawing axes.
 */
class HotNodeTrendChart extends Composite<Div> {

    HotNodeTrendChart(PoolKind pool, HotNodeTrend trend) {
        this(pool, trend, "", java.util.List.of());
    }

    /** With a dashed vertical marker at each cutover onto or off {@code stamp} inside the chart's range. */
    HotNodeTrendChart(
            PoolKind pool,
            HotNodeTrend trend,
            String stamp,
            java.util.List<dev.stampboard.fleet.HomeStampChange> moves) {
        String title = StampHeader.label(pool) + " pool · hot-node CPU";
        String subtitle = "Hottest node per minute and its rolling P95 over the " + trend.window() + " · HOT above "
                + fmt(trend.hotThreshold()) + " %, WARN from " + fmt(trend.warnThreshold()) + " %";
        if (!trend.hasData()) {
            var empty = DetailCharts.empty("No telemetry yet for this pool");
            empty.setId("trend-" + pool.name() + "-empty");
            getContent().add(DetailCharts.card(title, subtitle, empty));
            return;
        }
        var minuteValues = DetailCharts.line(
                "Hot node per minute",
                DetailCharts.points(trend.minutes(), HotNodeTrend.Minute::epochMinute, HotNodeTrend.Minute::hotNode),
                DetailCharts.LIGHT_BLUE,
                1);
        var p95 = DetailCharts.line(
                "Rolling P95",
                DetailCharts.points(trend.minutes(), HotNodeTrend.Minute::epochMinute, HotNodeTrend.Minute::rollingP95),
                DetailCharts.BLUE,
                3);
        p95 = new LineSeries(
                p95.name(),
                p95.data(),
                null,
                false,
                null,
                p95.itemStyle(),
                p95.lineStyle(),
                MarkLine.threshold(
                        trend.hotThreshold(), "HOT " + fmt(trend.hotThreshold()) + " %", DetailCharts.HOT_RED),
                MarkArea.band(trend.warnThreshold(), trend.hotThreshold(), "WARN", DetailCharts.WARN_BAND));
        var option = ChartOption.line(
                        Axis.time(),
                        Axis.value().withUnit(" %").withRange(0d, 100d),
                        minuteValues,
                        p95,
                        cutovers(trend, stamp, moves))
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1))
                .withDataZoom(DataZoom.insideX(), DataZoom.sliderX())
                .withGrid(dev.stampboard.base.ui.chart.GridBox.compact().withBottom("64")); // room for the zoom slider
        var chart = new EChart(option);
        chart.setId("trend-" + pool.name());
        chart.setSummary(summary(pool, trend, cutovers(trend, stamp, moves)));
        chart.setHeight(DetailCharts.CHART_HEIGHT);
        getContent().add(DetailCharts.card(title, subtitle, chart));
    }

    /** An empty series that only carries the cutover markers ("→ registry" onto the stamp, "← registry" off it). */
    private static LineSeries cutovers(
            HotNodeTrend trend, String stamp, java.util.List<dev.stampboard.fleet.HomeStampChange> moves) {
        long from = trend.minutes().isEmpty() ? 0 : trend.minutes().get(0).epochMinute() * 60_000;
        long to = trend.minutes().isEmpty()
                ? 0
                : trend.minutes().get(trend.minutes().size() - 1).epochMinute() * 60_000;
        var marks = moves.stream()
                .filter(m -> m.fromStamp() != null || !m.toStamp().equals(stamp))
                .filter(m ->
                        m.changedAt().toEpochMilli() >= from && m.changedAt().toEpochMilli() <= to)
                .map(m -> new MarkLine.Mark(
                        (m.toStamp().equals(stamp) ? "→ " : "← ") + m.registry().replace(".azurecr.io", ""),
                        m.changedAt().toEpochMilli(),
                        null))
                .toList();
        // many cutovers at once would bury the chart in labels: then only the lines, the table below names them
        var label = new dev.stampboard.base.ui.chart.Label(
                marks.size() <= 6, "insideEndTop", "{b}", DetailCharts.CUTOVER, null, null);
        var line = new MarkLine(
                true, "none", marks, label, dev.stampboard.base.ui.chart.LineStyle.dashed(DetailCharts.CUTOVER));
        return new LineSeries(
                "Cutovers", java.util.List.of(), null, false, null, null, null, marks.isEmpty() ? null : line, null);
    }

    /** Now, the window's highest minute and where the rolling P95 stands against the threshold, in words. */
    static String summary(PoolKind pool, HotNodeTrend trend, LineSeries cutovers) {
        long lastAt = 0;
        long peakAt = 0;
        double last = Double.NaN;
        double peak = Double.NaN;
        Double lastP95 = null;
        for (HotNodeTrend.Minute m : trend.minutes()) {
            Double v = m.hotNode();
            if (v != null) {
                last = v;
                lastAt = m.epochMinute();
                lastP95 = m.rollingP95();
                if (Double.isNaN(peak) || v > peak) {
                    peak = v;
                    peakAt = m.epochMinute();
                }
            }
        }
        var time = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
        StringBuilder text =
                new StringBuilder(StampHeader.label(pool) + " pool hot-node CPU over the " + trend.window() + ": ");
        if (!Double.isNaN(last)) {
            text.append(String.format(
                    Locale.ROOT,
                    "latest minute %.1f %% at %s UTC, highest %.1f %% at %s UTC",
                    last,
                    time.format(java.time.Instant.ofEpochSecond(lastAt * 60)),
                    peak,
                    time.format(java.time.Instant.ofEpochSecond(peakAt * 60))));
            if (lastP95 != null) {
                double p95 = lastP95;
                String state = p95 > trend.hotThreshold() ? "HOT" : p95 >= trend.warnThreshold() ? "WARN" : "OK";
                text.append(String.format(
                        Locale.ROOT,
                        "; rolling P95 %.1f %%, %s (HOT above %s %%)",
                        p95,
                        state,
                        fmt(trend.hotThreshold())));
            }
        }
        MarkLine markers = cutovers.markLine();
        int marks = markers == null ? 0 : markers.data().size();
        if (marks > 0) {
            text.append("; ").append(marks).append(marks == 1 ? " cutover marked" : " cutovers marked");
        }
        return text.toString();
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
