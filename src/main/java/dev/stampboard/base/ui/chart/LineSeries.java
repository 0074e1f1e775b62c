package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts line series. {@code data} is either {@link Point}s ({@code [x, y]} pairs, for value
 * or time x axes) or plain numbers (one per category). A threshold is a {@link MarkLine}, a
 * warning band a {@link MarkArea}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineSeries(
        String name,
        List<?> data,
        @Nullable Boolean smooth,
        @Nullable Boolean showSymbol,
        @Nullable String stack,
        @Nullable ItemStyle itemStyle,
        @Nullable LineStyle lineStyle,
        @Nullable MarkLine markLine,
        @Nullable MarkArea markArea)
        implements Series {

    /** An {@code [x, y]} pair; a {@code null} y is a gap. Time x values are epoch millis. */
    public record Point(Object x, @Nullable Double y) {
        public static Point of(Instant t, @Nullable Double y) {
            return new Point(t.toEpochMilli(), y);
        }

        public static Point of(double x, @Nullable Double y) {
            return new Point(x, y);
        }

        @JsonValue
        List<@Nullable Object> json() {
            return Arrays.asList(x, y);
        }
    }

    public static LineSeries of(String name, List<Point> points) {
        return new LineSeries(name, List.copyOf(points), null, false, null, null, null, null, null);
    }

    /** One value per category of a category x axis. */
    public static LineSeries ofValues(String name, List<? extends Number> values) {
        return new LineSeries(name, List.copyOf(values), null, false, null, null, null, null, null);
    }

    public LineSeries smoothed() {
        return new LineSeries(name, data, true, showSymbol, stack, itemStyle, lineStyle, markLine, markArea);
    }

    public LineSeries withSymbols() {
        return new LineSeries(name, data, smooth, true, stack, itemStyle, lineStyle, markLine, markArea);
    }

    public LineSeries withColor(String color) {
        return new LineSeries(
                name, data, smooth, showSymbol, stack, ItemStyle.color(color), lineStyle, markLine, markArea);
    }

    public LineSeries withThreshold(double y, String label, String color) {
        return new LineSeries(
                name,
                data,
                smooth,
                showSymbol,
                stack,
                itemStyle,
                lineStyle,
                MarkLine.threshold(y, label, color),
                markArea);
    }

    /** A marked area of the series' chart (one per series: it replaces a band). */
    public LineSeries withArea(MarkArea area) {
        return new LineSeries(name, data, smooth, showSymbol, stack, itemStyle, lineStyle, markLine, area);
    }

    public LineSeries withBand(double fromY, double toY, String label, String color) {
        return new LineSeries(
                name,
                data,
                smooth,
                showSymbol,
                stack,
                itemStyle,
                lineStyle,
                markLine,
                MarkArea.band(fromY, toY, label, color));
    }
}
