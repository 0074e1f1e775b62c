package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code axisLabel}. {@code formatter} is an ECharts template ({@code "{value} ms"};
 * on time axes e.g. {@code "{HH}:{mm}"}). {@code valueSuffix}/{@code valueDecimals} follow the
 * package's formatter convention and only touch numeric labels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AxisLabel(
        // a template string, or on a time axis a template per tick level (ECharts' leveled formatter)
        @Nullable Object formatter,
        @Nullable String valueSuffix,
        @Nullable Integer valueDecimals,
        @Nullable Integer rotate,
        @Nullable Integer interval,
        @Nullable Integer lineHeight,
        @Nullable Boolean hideOverlap,
        @Nullable Boolean showMinLabel,
        @Nullable Boolean showMaxLabel) {

    public AxisLabel(
            @Nullable String formatter,
            @Nullable String valueSuffix,
            @Nullable Integer valueDecimals,
            @Nullable Integer rotate,
            @Nullable Integer interval) {
        this(formatter, valueSuffix, valueDecimals, rotate, interval, null, null, null, null);
    }

    /**
     * Labels that would overlap are left out (ECharts {@code hideOverlap}): a 12-hour time axis on a 390 px
     * phone keeps every few hours readable instead of printing "01:002:003:00".
     */
    public static AxisLabel withoutOverlap() {
        return new AxisLabel(null, null, null, null, null, null, true, null, null);
    }

    /**
     * Time-axis labels: "HH:mm" on hour ticks, the date "MM-dd" on midnight (ECharts picks the template by the
     * tick's level), overlapping labels left out. No label at the axis' ends: ECharts labels the first and last
     * minute of the data ("00:01") as if they were ticks.
     */
    public static AxisLabel hoursWithDates() {
        java.util.Map<String, String> levels = new java.util.LinkedHashMap<>();
        levels.put("year", "{yyyy}-{MM}-{dd}");
        levels.put("month", "{MM}-{dd}");
        levels.put("day", "{MM}-{dd}");
        levels.put("hour", "{HH}:{mm}");
        levels.put("minute", "{HH}:{mm}");
        return new AxisLabel(
                java.util.Collections.unmodifiableMap(levels), null, null, null, null, null, true, false, false);
    }

    public static AxisLabel template(String formatter) {
        return new AxisLabel(formatter, null, null, null, null);
    }

    public static AxisLabel suffix(String valueSuffix) {
        return new AxisLabel(null, valueSuffix, null, null, null);
    }

    /** A label rule built into the chart element, e.g. {@code "hourTicks"} (see stampboard-echart.js). */
    public static AxisLabel named(String name) {
        return new AxisLabel("@" + name, null, null, null, null, null, null, null, null);
    }

    /** Line height in px, for labels of two lines (e.g. time over date). */
    public AxisLabel withLineHeight(int px) {
        return new AxisLabel(
                formatter, valueSuffix, valueDecimals, rotate, interval, px, hideOverlap, showMinLabel, showMaxLabel);
    }

    /** Show every {@code n+1}-th category label ({@code 0} = all). */
    public static AxisLabel everyNth(int interval) {
        return new AxisLabel(null, null, null, null, interval);
    }
}
