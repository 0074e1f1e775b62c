package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** ECharts {@code lineStyle}; {@code type} is {@code solid}, {@code dashed} or {@code dotted}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineStyle(
        @Nullable String color,
        @Nullable String type,
        @Nullable Integer width) {

    public static LineStyle dashed(String color) {
        return new LineStyle(color, "dashed", null);
    }

    public static LineStyle solid(String color, int width) {
        return new LineStyle(color, "solid", width);
    }
}
