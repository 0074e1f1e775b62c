package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The root ECharts option. Unset ({@code null}) parts are omitted so ECharts applies its
 * defaults. Start from a factory and refine with the {@code with*} methods:
 * <pre>{@code
 * ChartOption.line(Axis.time(), Axis.value().withUnit(" %").withRange(0d, 100d),
 *         LineSeries.of("CPU", points).withThreshold(45, "limit 45 %", "#e03131")
 *                 .withBand(40, 45, "warning", "rgba(250, 176, 5, 0.18)"))
 *     .withTitle(Title.of("CPU per stamp"))
 *     .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1));
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartOption(
        @Nullable Title title,
        @Nullable Tooltip tooltip,
        @Nullable Legend legend,
        @Nullable GridBox grid,
        @JsonProperty("xAxis") @Nullable Axis xAxis,
        @JsonProperty("yAxis") @Nullable Axis yAxis,
        @Nullable VisualMap visualMap,
        @Nullable List<DataZoom> dataZoom,
        List<Series> series) {

    public ChartOption {
        series = List.copyOf(series);
        dataZoom = dataZoom == null ? null : List.copyOf(dataZoom);
    }

    /**
     * Time axes and their tooltips in UTC, as every other time in the console ("… (UTC)"); ECharts would use the
     * browser's zone, and its round-hour ticks would then fall on the viewer's hours.
     */
    @JsonProperty("useUTC")
    public boolean useUTC() {
        return true;
    }

    /** Lines over any x axis (time, value or category), axis tooltip, legend on top. */
    public static ChartOption line(Axis xAxis, Axis yAxis, LineSeries... series) {
        return new ChartOption(
                null, Tooltip.axis(), Legend.atTop(), GridBox.compact(), xAxis, yAxis, null, null, List.of(series));
    }

    /**
     * A heatmap over category axes {@code columns} (x) and {@code rows} (y), coloured by
     * {@code visualMap} (drawn under the plot). Rows are listed top to bottom
     * (cell {@code y} index 0 is the top row).
     */
    public static ChartOption heatmap(
            List<String> columns, List<String> rows, VisualMap visualMap, HeatmapSeries series) {
        return new ChartOption(
                null,
                Tooltip.heatmapCell(),
                null,
                GridBox.compact().withBottom("64"),
                Axis.category(columns).withSplitArea(),
                Axis.category(rows).withInverse().withSplitArea(),
                visualMap,
                null,
                List.of(series));
    }

    /** Vertical bars: categories along x, values up y. */
    public static ChartOption bar(List<String> categories, BarSeries... series) {
        return new ChartOption(
                null,
                Tooltip.axis(),
                Legend.atTop(),
                GridBox.compact(),
                Axis.category(categories),
                Axis.value(),
                null,
                null,
                List.of(series));
    }

    /** Horizontal bars: categories down y (first category on top), values along x. */
    public static ChartOption horizontalBar(List<String> categories, BarSeries... series) {
        return new ChartOption(
                null,
                Tooltip.axis(),
                Legend.atTop(),
                GridBox.compact(),
                Axis.value(),
                Axis.category(categories).withInverse(),
                null,
                null,
                List.of(series));
    }

    /** A pie (or donut, see {@link PieSeries#donut()}) with item tooltip and legend at the bottom. */
    public static ChartOption pie(PieSeries series) {
        return new ChartOption(null, Tooltip.item(), Legend.atBottom(), null, null, null, null, null, List.of(series));
    }

    public ChartOption withTitle(Title title) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withTooltip(Tooltip tooltip) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withLegend(@Nullable Legend legend) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withGrid(GridBox grid) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withXAxis(Axis xAxis) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withYAxis(Axis yAxis) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, dataZoom, series);
    }

    public ChartOption withDataZoom(DataZoom... zooms) {
        return new ChartOption(title, tooltip, legend, grid, xAxis, yAxis, visualMap, List.of(zooms), series);
    }
}
