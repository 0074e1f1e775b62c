package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code markLine} on a series, e.g. a horizontal threshold:
 * <pre>{"silent":true,"symbol":"none","data":[{"name":"limit","yAxis":45}],
 *  "label":{"formatter":"limit 45","position":"insideEndTop"},"lineStyle":{"color":..,"type":"dashed"}}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkLine(
        @Nullable Boolean silent,
        @Nullable String symbol,
        List<Mark> data,
        @Nullable Label label,
        @Nullable LineStyle lineStyle) {

    /** One mark: a horizontal line at {@code yAxis} or a vertical one at {@code xAxis}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mark(
            @Nullable String name,
            @JsonProperty("xAxis") @Nullable Object xAxis,
            @JsonProperty("yAxis") @Nullable Double yAxis) {}

    /** A dashed horizontal line at {@code y}, labelled {@code label} at its right end. */
    public static MarkLine threshold(double y, String label, String color) {
        return new MarkLine(
                true,
                "none",
                List.of(new Mark(label, null, y)),
                new Label(true, "insideEndTop", label, color, null, null),
                LineStyle.dashed(color));
    }
}
