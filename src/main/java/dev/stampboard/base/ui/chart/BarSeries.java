package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts bar series, one value per category. Orientation comes from the axes: see
 * {@link ChartOption#bar} (vertical) and {@link ChartOption#horizontalBar}. Series with the
 * same {@code stack} id are stacked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BarSeries(
        String name,
        List<? extends Number> data,
        @Nullable String stack,
        @Nullable Label label,
        @Nullable ItemStyle itemStyle,
        @Nullable Integer barMaxWidth)
        implements Series {

    /** A null value draws no bar (ECharts' "no data"), so a pool without data is not shown as 0. */
    public static BarSeries of(String name, List<? extends Number> values) {
        return new BarSeries(
                name,
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)),
                null,
                null,
                null,
                null);
    }

    public BarSeries stacked(String stackId) {
        return new BarSeries(name, data, stackId, label, itemStyle, barMaxWidth);
    }

    public BarSeries withLabel(Label label) {
        return new BarSeries(name, data, stack, label, itemStyle, barMaxWidth);
    }

    public BarSeries withColor(String color) {
        return new BarSeries(name, data, stack, label, ItemStyle.color(color), barMaxWidth);
    }

    public BarSeries withMaxWidth(int pixels) {
        return new BarSeries(name, data, stack, label, itemStyle, pixels);
    }
}
