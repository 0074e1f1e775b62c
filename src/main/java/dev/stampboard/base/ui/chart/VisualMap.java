package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts continuous {@code visualMap}: maps values between {@code min} and {@code max} onto
 * the {@code inRange} colours (low to high). Required for heatmaps. {@code valueSuffix} and
 * {@code valueDecimals} follow the formatter convention (handle/end labels).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisualMap(
        String type,
        double min,
        double max,
        @Nullable Boolean calculable,
        @Nullable String orient,
        @Nullable String left,
        @Nullable String bottom,
        InRange inRange,
        @Nullable String valueSuffix,
        @Nullable Integer valueDecimals,
        @Nullable Integer dimension) {

    public record InRange(List<String> color) {}

    /** Horizontal, centred under the plot, draggable handles. */
    public static VisualMap continuous(double min, double max, String... colours) {
        return new VisualMap(
                "continuous",
                min,
                max,
                true,
                "horizontal",
                "center",
                "0",
                new InRange(List.of(colours)),
                null,
                null,
                null);
    }

    /** Green to amber to red, for utilisation-like values. */
    public static VisualMap utilisation(double min, double max) {
        return continuous(min, max, "#2f9e44", "#f2c94c", "#e03131");
    }

    public VisualMap withValueSuffix(String suffix) {
        return new VisualMap(
                type, min, max, calculable, orient, left, bottom, inRange, suffix, valueDecimals, dimension);
    }

    public VisualMap withValueDecimals(int decimals) {
        return new VisualMap(
                type, min, max, calculable, orient, left, bottom, inRange, valueSuffix, decimals, dimension);
    }

    /**
     * The data dimension the colours follow; ECharts' default is the last one, which is wrong when heatmap
     * cells carry a name index after their value ({@code 2} is a heatmap cell's value).
     */
    public VisualMap withDimension(int dimension) {
        return new VisualMap(
                type, min, max, calculable, orient, left, bottom, inRange, valueSuffix, valueDecimals, dimension);
    }
}
