package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts pie series. {@code radius} is {@code ["0%","60%"]} for a pie or
 * {@code ["35%","60%"]} for a donut, leaving room for outside labels, a title on top and the
 * legend at the bottom.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PieSeries(
        String name,
        List<Slice> data,
        @Nullable List<String> radius,
        @Nullable List<String> center,
        @Nullable Label label,
        @Nullable ItemStyle itemStyle)
        implements Series {

    public record Slice(String name, double value) {}

    public static PieSeries of(String name, List<Slice> slices) {
        return new PieSeries(
                name,
                List.copyOf(slices),
                List.of("0%", "60%"),
                List.of("50%", "50%"),
                Label.template("{b}: {c}"),
                null);
    }

    /** A ring with rounded, separated slices. */
    public PieSeries donut() {
        return new PieSeries(name, data, List.of("35%", "60%"), center, label, ItemStyle.border("#fff", 2, 6));
    }

    public PieSeries withLabel(Label label) {
        return new PieSeries(name, data, radius, center, label, itemStyle);
    }

    public PieSeries centredAt(String x, String y) {
        return new PieSeries(name, data, radius, List.of(x, y), label, itemStyle);
    }
}
