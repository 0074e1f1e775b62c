package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A series or mark label. {@code formatter} is an ECharts template ({@code "{b}: {d}%"});
 * {@code valueSuffix}/{@code valueDecimals} follow the formatter convention (value only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Label(
        @Nullable Boolean show,
        @Nullable String position,
        @Nullable String formatter,
        @Nullable String color,
        @Nullable String valueSuffix,
        @Nullable Integer valueDecimals) {

    public static Label shown() {
        return new Label(true, null, null, null, null, null);
    }

    public static Label hidden() {
        return new Label(false, null, null, null, null, null);
    }

    public static Label template(String formatter) {
        return new Label(true, null, formatter, null, null, null);
    }

    public Label at(String position) {
        return new Label(show, position, formatter, color, valueSuffix, valueDecimals);
    }

    public Label withColor(String color) {
        return new Label(show, position, formatter, color, valueSuffix, valueDecimals);
    }

    public Label withValueSuffix(String suffix) {
        return new Label(show, position, formatter, color, suffix, valueDecimals);
    }
}
