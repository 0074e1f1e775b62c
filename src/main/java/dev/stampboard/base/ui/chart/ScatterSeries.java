package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ECharts scatter series: {@link LineSeries.Point}s on value (or time) axes, one symbol each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScatterSeries(
        String name,
        List<LineSeries.Point> data,
        @Nullable Integer symbolSize,
        @Nullable ItemStyle itemStyle) implements Series {

    public static ScatterSeries of(String name, List<LineSeries.Point> points) {
        return new ScatterSeries(name, List.copyOf(points), 8, null);
    }

    public ScatterSeries withColor(String color) {
        return new ScatterSeries(name, data, symbolSize, ItemStyle.color(color));
    }
}
