package dev.stampboard.base.ui.chart;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/**
 * A click on a chart data item (ECharts {@code click} with {@code componentType == "series"}).
 * {@code valueJson} is the item's value as JSON: a number ({@code "42.5"}) for bars, pies and
 * category lines, an array for pairs and heatmap cells ({@code "[17,3,71.2]"} =
 * {@code [xIndex, yIndex, value]}), so a heatmap row click gives the row via {@code [1]}.
 */
@DomEvent("stampboard-item-click")
public class ItemClickEvent extends ComponentEvent<EChart> {

    private final String name;
    private final String seriesName;
    private final int dataIndex;
    private final String valueJson;

    public ItemClickEvent(
            EChart source,
            boolean fromClient,
            @EventData("event.detail.name") String name,
            @EventData("event.detail.seriesName") String seriesName,
            @EventData("event.detail.dataIndex") int dataIndex,
            @EventData("event.detail.valueJson") String valueJson) {
        super(source, fromClient);
        this.name = name;
        this.seriesName = seriesName;
        this.dataIndex = dataIndex;
        this.valueJson = valueJson;
    }

    /** The item's name: the category label, the slice name, or "" for heatmap cells. */
    public String getName() {
        return name;
    }

    public String getSeriesName() {
        return seriesName;
    }

    public int getDataIndex() {
        return dataIndex;
    }

    public String getValueJson() {
        return valueJson;
    }
}
