package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * An Apache ECharts chart. The server serialises a {@link ChartOption} to JSON and sets it as
 * the element property {@code option}; the client element ({@code frontend/components/
 * stampboard-echart.js}) replaces the chart's option with it ({@code notMerge}) and resizes
 * with its box. Default size: full width, 320px high; use {@link #setHeight(String)} etc.
 * The element does not shrink in flex layouts ({@code flex-shrink: 0}); to let it fill the
 * rest of a layout use {@code setHeight("0")}/{@code setMinHeight} with {@code flex-grow}.
 * ECharts is initialised only once the element has a non-zero size (so a chart in a hidden
 * tab starts when shown) and disposed when the element leaves the DOM.
 */
@Tag("stampboard-echart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/stampboard-echart.js")
public class EChart extends Component implements HasSize {

    static final String OPTION_PROPERTY = "option";

    private static final ObjectMapper JSON = new ObjectMapper();

    public EChart() {}

    public EChart(ChartOption option) {
        setOption(option);
    }

    /**
     * Replaces the whole chart option (ECharts {@code setOption(option, true)} on the client). Only
     * the JSON is kept: a heatmap's typed cells would otherwise double its share of session memory.
     */
    public void setOption(ChartOption option) {
        getElement().setProperty(OPTION_PROPERTY, toJson(option));
    }

    /**
     * Moves a heatmap shown with {@link #setOption} on in time on the client: drops {@code drop} columns on
     * the left, keeps the next {@code keep}, appends {@code labels} and their {@code cells} (x counted in
     * the new columns). Only these travel; the chart keeps its rows drawn. {@code cellNames}, when not
     * {@code null}, replaces the series' {@link HeatmapSeries#withCellNames cell names} (send them only when
     * they changed). {@link #getOptionJson()} stays the option last set in full.
     */
    public void patchHeatmap(
            int drop,
            int keep,
            java.util.List<String> labels,
            java.util.List<HeatmapSeries.Cell> cells,
            java.util.@Nullable List<java.util.List<String>> cellNames) {
        java.util.Map<String, Object> delta = new java.util.LinkedHashMap<>();
        delta.put("drop", drop);
        delta.put("keep", keep);
        delta.put("labels", labels);
        delta.put("cells", cells);
        if (cellNames != null) {
            delta.put("cellNames", cellNames);
        }
        try {
            getElement().callJsFunction("patchHeatmap", JSON.writeValueAsString(delta));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Heatmap delta cannot be serialised", e);
        }
    }

    /**
     * The chart's key values in words (an image with an accessible name): what a screen reader says, and
     * what tells a reader who cannot tell the series' colours apart what the chart shows.
     */
    public void setSummary(String text) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", text);
    }

    public @Nullable String getSummary() {
        return getElement().getAttribute("aria-label");
    }

    /** The JSON last sent to the client, or {@code null} before the first {@link #setOption}. */
    public @Nullable String getOptionJson() {
        return getElement().getProperty(OPTION_PROPERTY);
    }

    /** Fired when the user clicks a data item (a heatmap cell, bar, slice or line point). */
    public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    static String toJson(ChartOption option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Chart option cannot be serialised", e);
        }
    }
}
