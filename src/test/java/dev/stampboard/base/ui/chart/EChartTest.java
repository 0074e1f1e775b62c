package dev.stampboard.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EChartTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static ChartOption bars(int value) {
        return ChartOption.bar(List.of("a"), BarSeries.of("n", List.of(value)));
    }

    @Test
    void setOptionSetsTheOptionPropertyAndReplacingReplacesIt() {
        var chart = new EChart();
        UI.getCurrent().add(chart);
        assertThat(chart.getOptionJson()).isNull();

        chart.setOption(bars(1));
        String first = chart.getElement().getProperty("option");
        assertThat(first).isEqualTo(EChart.toJson(bars(1))).contains("\"data\":[1]");
        assertThat(chart.getOptionJson()).isEqualTo(first);

        chart.setOption(bars(2));
        assertThat(chart.getElement().getProperty("option"))
                .isEqualTo(EChart.toJson(bars(2)))
                .contains("\"data\":[2]")
                .doesNotContain("\"data\":[1]");
        assertThat(chart.getOptionJson()).isEqualTo(EChart.toJson(bars(2)));
        assertThat(chart.getElement().getPropertyNames()).containsExactly("option");
    }

    @Test
    void tagAndSizing() {
        var chart = new EChart(bars(1));
        chart.setHeight("400px");
        chart.setWidthFull();
        assertThat(chart.getElement().getTag()).isEqualTo("stampboard-echart");
        assertThat(chart.getElement().getStyle().get("height")).isEqualTo("400px");
        assertThat(chart.getElement().getStyle().get("width")).isEqualTo("100%");
    }

    @Test
    void itemClickCarriesNameSeriesIndexAndValue() {
        var chart = new EChart(bars(1));
        UI.getCurrent().add(chart);
        List<ItemClickEvent> events = new ArrayList<>();
        chart.addItemClickListener(events::add);

        JsonObject data = Json.createObject();
        data.put("event.detail.name", "");
        data.put("event.detail.seriesName", "cpu");
        data.put("event.detail.dataIndex", 42);
        data.put("event.detail.valueJson", "[2,3,71.5]");
        chart.getElement()
                .getNode()
                .getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new DomEvent(chart.getElement(), "stampboard-item-click", data));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getSeriesName()).isEqualTo("cpu");
            assertThat(e.getDataIndex()).isEqualTo(42);
            assertThat(e.getValueJson()).isEqualTo("[2,3,71.5]");
            assertThat(e.getName()).isEmpty();
            assertThat(e.isFromClient()).isTrue();
        });
    }
}
