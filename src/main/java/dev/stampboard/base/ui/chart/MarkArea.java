package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code markArea} on a series, e.g. a horizontal warning band between two y values.
 * Each area is a pair of corners:
 * <pre>{"silent":true,"itemStyle":{"color":..},"data":[[{"name":"warning","yAxis":40},{"yAxis":45}]]}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkArea(
        @Nullable Boolean silent,
        @Nullable ItemStyle itemStyle,
        @Nullable Label label,
        List<List<MarkLine.Mark>> data) {

    /**
     * A full-width band from {@code fromY} to {@code toY} in {@code color} (use some alpha);
     * the label sits inside its top left corner in a neutral dark grey.
     */
    public static MarkArea band(double fromY, double toY, String label, String color) {
        var from = new MarkLine.Mark(label, null, fromY);
        var to = new MarkLine.Mark(null, null, toY);
        return new MarkArea(
                true,
                ItemStyle.color(color),
                new Label(true, "insideTopLeft", null, "#5c5f66", null, null),
                List.of(List.of(from, to)));
    }

    /**
     * A full-height band over the x values {@code fromX} to {@code toX} (epoch millis on a time axis) in {@code color},
     * labelled inside its top, e.g. the part of a chart that has no data and why.
     */
    public static MarkArea xSpan(Object fromX, Object toX, String label, String color) {
        var from = new MarkLine.Mark(label, fromX, null);
        var to = new MarkLine.Mark(null, toX, null);
        return new MarkArea(
                true,
                ItemStyle.color(color),
                new Label(true, "insideTop", null, "#5c5f66", null, null),
                List.of(List.of(from, to)));
    }
}
