package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ECharts {@code xAxis}/{@code yAxis}: {@code type} is {@code category}, {@code value} or
 * {@code time}. Category axes carry their labels in {@code data}. A unit suffix is a
 * {@link AxisLabel#suffix(String)}, see {@link #withUnit(String)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Axis(
        String type,
        @Nullable String name,
        @Nullable Double min,
        @Nullable Double max,
        @Nullable List<String> data,
        @Nullable Boolean inverse,
        @Nullable Boolean boundaryGap,
        @Nullable AxisLabel axisLabel,
        @Nullable SplitArea splitArea,
        @Nullable Long minInterval,
        @Nullable String nameLocation,
        @Nullable Integer nameGap) {

    /** One hour in ms: a time axis never ticks more often (ECharts then puts its ticks on whole hours). */
    public static final long HOUR_MS = 3_600_000L;

    /** ECharts {@code splitArea}: alternating stripes, the usual background of a heatmap. */
    public record SplitArea(boolean show) {}

    public static Axis category(List<String> labels) {
        return new Axis("category", null, null, null, List.copyOf(labels), null, null, null, null, null);
    }

    public static Axis value() {
        return new Axis("value", null, null, null, null, null, null, null, null, null);
    }

    /**
     * A time axis; series data x values are epoch milliseconds (see {@link LineSeries.Point}). Its ticks fall on
     * round hours (at least an hour apart; ECharts aligns them to the unit) labelled "HH:mm", and on midnight
     * labelled with the date "MM-dd"; the chart shows UTC ({@link ChartOption#useUTC()}), as the console does.
     */
    public static Axis time() {
        // narrow charts (a phone) would print every hour's label over the next one: overlapping labels are left out
        return new Axis("time", null, null, null, null, null, null, AxisLabel.hoursWithDates(), null, HOUR_MS);
    }

    /** Without a name placement (ECharts' default: the name at the axis' end). */
    public Axis(
            String type,
            @Nullable String name,
            @Nullable Double min,
            @Nullable Double max,
            @Nullable List<String> data,
            @Nullable Boolean inverse,
            @Nullable Boolean boundaryGap,
            @Nullable AxisLabel axisLabel,
            @Nullable SplitArea splitArea,
            @Nullable Long minInterval) {
        this(type, name, min, max, data, inverse, boundaryGap, axisLabel, splitArea, minInterval, null, null);
    }

    /**
     * The name centred along the axis, {@code gap} pixels from it (past the tick labels): at the axis' end, the
     * default, a long name runs out of a narrow chart. The chart's grid must leave room for it (see
     * {@link GridBox}).
     */
    public Axis withNameCentred(String name, int gap) {
        return new Axis(
                type, name, min, max, data, inverse, boundaryGap, axisLabel, splitArea, minInterval, "middle", gap);
    }

    public Axis withName(String name) {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                inverse,
                boundaryGap,
                axisLabel,
                splitArea,
                minInterval,
                nameLocation,
                nameGap);
    }

    public Axis withRange(@Nullable Double min, @Nullable Double max) {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                inverse,
                boundaryGap,
                axisLabel,
                splitArea,
                minInterval,
                nameLocation,
                nameGap);
    }

    /** Runs the axis the other way; on a vertical category axis the first label is on top. */
    public Axis withInverse() {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                true,
                boundaryGap,
                axisLabel,
                splitArea,
                minInterval,
                nameLocation,
                nameGap);
    }

    public Axis withBoundaryGap(boolean boundaryGap) {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                inverse,
                boundaryGap,
                axisLabel,
                splitArea,
                minInterval,
                nameLocation,
                nameGap);
    }

    public Axis withLabel(AxisLabel axisLabel) {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                inverse,
                boundaryGap,
                axisLabel,
                splitArea,
                minInterval,
                nameLocation,
                nameGap);
    }

    /** Appends {@code unit} to numeric tick labels (client-side formatter convention). */
    public Axis withUnit(String unit) {
        return withLabel(AxisLabel.suffix(unit));
    }

    public Axis withSplitArea() {
        return new Axis(
                type,
                name,
                min,
                max,
                data,
                inverse,
                boundaryGap,
                axisLabel,
                new SplitArea(true),
                minInterval,
                nameLocation,
                nameGap);
    }
}
