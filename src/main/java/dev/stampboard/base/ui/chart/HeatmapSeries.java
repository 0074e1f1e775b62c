package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts heatmap series on two category axes; colours come from the option's
 * {@link VisualMap}. Each {@link Cell} is {@code [xIndex, yIndex, value]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeatmapSeries(
        String name,
        List<Cell> data,
        @Nullable Label label,
        @Nullable Emphasis emphasis,
        @Nullable Integer progressive) implements Series {

    /** {@code [xIndex, yIndex, value]}; a {@code null} value is an empty cell ({@code "-"}). */
    public record Cell(int x, int y, @Nullable Double value) {
        @JsonValue
        List<Object> json() {
            return List.of(x, y, value == null ? "-" : value);
        }
    }

    public record Emphasis(ItemStyle itemStyle) {}

    /** Cells unlabelled, a shadow on hover. */
    public static HeatmapSeries of(String name, List<Cell> cells) {
        return new HeatmapSeries(name, List.copyOf(cells), Label.hidden(), new Emphasis(ItemStyle.shadow()), null);
    }

    public HeatmapSeries withCellLabels() {
        return new HeatmapSeries(name, data, Label.shown(), emphasis, progressive);
    }
}
