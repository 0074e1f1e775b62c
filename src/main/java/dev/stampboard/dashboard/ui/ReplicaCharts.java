package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.Label;
import dev.stampboard.base.ui.chart.Legend;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.LineStyle;
import dev.stampboard.base.ui.chart.MarkLine;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.dashboard.ReplicaSeries;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One replica's traffic, bytes, p99 latency and throttling over the peak window, four small charts. */
class ReplicaCharts extends Div {

    ReplicaCharts(ReplicaSeries series, boolean home, boolean linkStamp) {
        setId("replica-" + series.region());
        setWidthFull();
        var heading = new H2(series.region() + (home ? " (home region)" : ""));
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.XSMALL);
        var servedBy = new Span("served by ");
        servedBy.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        servedBy.add(
                linkStamp
                        ? new RouterLink(
                                series.homeStamp(),
                                StampDetailView.class,
                                new RouteParameters("name", series.homeStamp()))
                        : new Span(series.homeStamp()));
        servedBy.add(" · minutes of the " + series.window());
        add(heading, servedBy);
        if (!series.hasData()) {
            add(DetailCharts.empty("No traffic yet for this replica"));
            return;
        }
        String id = series.region();
        add(DetailCharts.cardGrid(
                "420px",
                card(
                        id,
                        "requests",
                        "Requests",
                        "thousand requests per minute",
                        series,
                        m -> m.requests() == null ? null : m.requests() / 1000,
                        " k",
                        1,
                        null,
                        DetailCharts.BLUE),
                card(
                        id,
                        "bytes",
                        "Data served",
                        "GB per minute",
                        series,
                        ReplicaSeries.Minute::gigabytes,
                        " GB",
                        2,
                        null,
                        DetailCharts.TEAL),
                card(
                        id,
                        "p99",
                        "p99 pull latency",
                        "ms" + alert(series.p99LimitMs(), " ms"),
                        series,
                        ReplicaSeries.Minute::p99Ms,
                        " ms",
                        0,
                        series.p99LimitMs(),
                        DetailCharts.VIOLET),
                card(
                        id,
                        "throttling",
                        "Throttled requests",
                        "% of requests" + alert(series.throttlingLimitPercent(), " %"),
                        series,
                        ReplicaSeries.Minute::throttlingPercent,
                        " %",
                        2,
                        series.throttlingLimitPercent(),
                        DetailCharts.GREY)));
    }

    private static String alert(@Nullable Double limit, String unit) {
        return limit == null ? "" : " · dashed red line: alert above " + HotNodeTrendChart.fmt(limit) + unit;
    }

    private static Component card(
            String region,
            String key,
            String title,
            String subtitle,
            ReplicaSeries series,
            Function<ReplicaSeries.Minute, @Nullable Double> value,
            String unit,
            int decimals,
            @Nullable Double limit,
            String color) {
        LineSeries line = DetailCharts.line(
                title, DetailCharts.points(series.minutes(), ReplicaSeries.Minute::epochMinute, value), color, 2);
        if (limit != null) {
            line = new LineSeries(
                    line.name(),
                    line.data(),
                    null,
                    false,
                    null,
                    line.itemStyle(),
                    line.lineStyle(),
                    unlabelledLine(limit),
                    null);
        }
        var option = ChartOption.line(Axis.time(), Axis.value().withUnit(unit).withRange(0d, null), line)
                .withLegend(Legend.hidden())
                .withTooltip(Tooltip.axis().withValueSuffix(unit).withValueDecimals(decimals));
        var chart = new EChart(option);
        chart.setId(key + "-" + region);
        chart.setSummary(summary(region, title, series, value, unit, decimals, limit));
        chart.setHeight("220px");
        return DetailCharts.card(title, subtitle, chart);
    }

    /** Latest and highest minute of the window, and the alert line, in words. */
    private static String summary(
            String region,
            String title,
            ReplicaSeries series,
            Function<ReplicaSeries.Minute, @Nullable Double> value,
            String unit,
            int decimals,
            @Nullable Double limit) {
        Double last = null;
        Double peak = null;
        for (ReplicaSeries.Minute m : series.minutes()) {
            Double v = value.apply(m);
            if (v != null) {
                last = v;
                peak = peak == null ? v : Math.max(peak, v);
            }
        }
        String format = "%." + decimals + "f";
        java.util.function.DoubleFunction<String> say = v -> String.format(java.util.Locale.ROOT, format, v) + unit;
        String text = title + " in " + region + " over the " + series.window() + ": "
                + (last == null || peak == null
                        ? "no data"
                        : "latest minute " + say.apply(last) + ", highest " + say.apply(peak));
        return limit == null ? text : text + ", alert above " + say.apply(limit);
    }

    /** The alert threshold as a dashed red line; its value is in the card's subtitle, so no label covers the data. */
    private static MarkLine unlabelledLine(double y) {
        return new MarkLine(
                true,
                "none",
                List.of(new MarkLine.Mark("alert", null, y)),
                Label.hidden(),
                LineStyle.dashed(DetailCharts.HOT_RED));
    }
}
