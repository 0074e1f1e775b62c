package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts heatmap series on two category axes; colours come from the option's
 * {@link VisualMap}. Each {@link Cell} is {@code [xIndex, yIndex, value]}, or {@code [xIndex, yIndex, value,
 * nameIndex]} when it names what it shows: {@code cellNames.get(yIndex).get(nameIndex)}, shown by the
 * {@link Tooltip#heatmapCell()} tooltip on a second line. The names are sent once per row, not per cell
 * (a 720-minute row of one pool's nodes carries a one-digit index per cell). With named cells, give the
 * visual map {@link VisualMap#withDimension(int) dimension 2}, or ECharts colours by the name index.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeatmapSeries(
        String name,
        List<Cell> data,
        @Nullable Label label,
        @Nullable Emphasis emphasis,
        @Nullable Integer progressive,
        @Nullable List<List<String>> cellNames)
        implements Series {

    /**
     * {@code [xIndex, yIndex, value]}; a {@code null} value is an empty cell ({@code "-"}); a {@code name}
     * indexes the row's {@code cellNames}.
     */
    public record Cell(
            int x, int y, @Nullable Double value, @Nullable Integer name) {

        public Cell(int x, int y, @Nullable Double value) {
            this(x, y, value, null);
        }

        @JsonValue
        List<Object> json() {
            List<Object> json = new ArrayList<>(4);
            json.add(x);
            json.add(y);
            json.add(value == null ? "-" : value);
            if (name != null) {
                json.add(name);
            }
            return json;
        }
    }

    public record Emphasis(ItemStyle itemStyle) {}

    /** Cells unlabelled, a shadow on hover. */
    public static HeatmapSeries of(String name, List<Cell> cells) {
        return new HeatmapSeries(
                name, List.copyOf(cells), Label.hidden(), new Emphasis(ItemStyle.shadow()), null, null);
    }

    public HeatmapSeries withCellLabels() {
        return new HeatmapSeries(name, data, Label.shown(), emphasis, progressive, cellNames);
    }

    /** Per row (y index), the names its cells' name indices point at. */
    public HeatmapSeries withCellNames(List<List<String>> names) {
        return new HeatmapSeries(
                name,
                data,
                label,
                emphasis,
                progressive,
                names.stream().map(List::copyOf).toList());
    }
}
