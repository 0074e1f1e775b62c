package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code dataZoom}: {@code inside} (wheel/drag on the plot) or {@code slider} (a bar
 * under the plot). {@code start}/{@code end} are percentages of the axis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataZoom(
        String type,
        @Nullable Integer xAxisIndex,
        @Nullable Integer yAxisIndex,
        @Nullable Double start,
        @Nullable Double end) {

    public static DataZoom insideX() {
        return new DataZoom("inside", 0, null, null, null);
    }

    public static DataZoom sliderX() {
        return new DataZoom("slider", 0, null, null, null);
    }

    public DataZoom withWindow(double startPercent, double endPercent) {
        return new DataZoom(type, xAxisIndex, yAxisIndex, startPercent, endPercent);
    }
}
