package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of ECharts {@code series}. Jackson writes the ECharts {@code type}
 * ({@code line}, {@code heatmap}, {@code bar}, {@code pie}) from the record's class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LineSeries.class, name = "line"),
    @JsonSubTypes.Type(value = HeatmapSeries.class, name = "heatmap"),
    @JsonSubTypes.Type(value = BarSeries.class, name = "bar"),
    @JsonSubTypes.Type(value = PieSeries.class, name = "pie"),
    @JsonSubTypes.Type(value = ScatterSeries.class, name = "scatter")
})
public sealed interface Series permits LineSeries, HeatmapSeries, BarSeries, PieSeries, ScatterSeries {

    String name();
}
