package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** ECharts {@code itemStyle} (bars, slices, heatmap cells, mark areas). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemStyle(
        @Nullable String color,
        @Nullable String borderColor,
        @Nullable Integer borderWidth,
        @Nullable Integer borderRadius,
        @Nullable Integer shadowBlur,
        @Nullable String shadowColor) {

    public static ItemStyle color(String color) {
        return new ItemStyle(color, null, null, null, null, null);
    }

    /** A soft drop shadow, the usual heatmap/pie emphasis. */
    public static ItemStyle shadow() {
        return new ItemStyle(null, null, null, null, 10, "rgba(0, 0, 0, 0.5)");
    }

    public static ItemStyle border(String borderColor, int borderWidth, int borderRadius) {
        return new ItemStyle(null, borderColor, borderWidth, borderRadius, null, null);
    }
}
