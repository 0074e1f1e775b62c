package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code grid}: the plot box inside the chart. Values are pixels ({@code "40"}) or
 * percentages ({@code "10%"}). With {@code containLabel} the axis labels fit inside the box.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridBox(
        @Nullable String left,
        @Nullable String right,
        @Nullable String top,
        @Nullable String bottom,
        @Nullable Boolean containLabel) {

    /** A compact default: 16px sides, room for a legend on top and labels inside. */
    public static GridBox compact() {
        return new GridBox("16", "24", "40", "16", true);
    }

    public static GridBox of(String left, String right, String top, String bottom) {
        return new GridBox(left, right, top, bottom, true);
    }

    public GridBox withBottom(String bottom) {
        return new GridBox(left, right, top, bottom, containLabel);
    }
}
