package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code tooltip}. {@code trigger} is {@code "axis"} (line/bar) or {@code "item"}
 * (heatmap/pie). {@code valueSuffix}/{@code valueDecimals} follow the package's formatter
 * convention (the client installs {@code tooltip.valueFormatter}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tooltip(
        String trigger,
        @Nullable String formatter,
        @Nullable String valueSuffix,
        @Nullable Integer valueDecimals) {

    public static Tooltip axis() {
        return new Tooltip("axis", null, null, null);
    }

    public static Tooltip item() {
        return new Tooltip("item", null, null, null);
    }

    /**
     * Item tooltip for heatmaps: "row · column  value", using the client's named formatter
     * {@code @heatmapCell} (the ECharts default shows only the column).
     */
    public static Tooltip heatmapCell() {
        return new Tooltip("item", "@heatmapCell", null, null);
    }

    /**
     * An ECharts string template, e.g. {@code "{b}: {c}"}, which wins over the value suffix;
     * or a named client formatter starting with {@code @} (see {@link #heatmapCell()}).
     */
    public Tooltip withFormatter(String template) {
        return new Tooltip(trigger, template, valueSuffix, valueDecimals);
    }

    public Tooltip withValueSuffix(String suffix) {
        return new Tooltip(trigger, formatter, suffix, valueDecimals);
    }

    public Tooltip withValueDecimals(int decimals) {
        return new Tooltip(trigger, formatter, valueSuffix, decimals);
    }
}
