package dev.stampboard.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartOptionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(ChartOption option) throws Exception {
        return MAPPER.readTree(EChart.toJson(option));
    }

    @Test
    void lineChartWithThresholdLineAndWarningBand() throws Exception {
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        var option = ChartOption.line(
                        Axis.time(),
                        Axis.value().withUnit(" %").withRange(0d, 100d),
                        LineSeries.of(
                                        "cpu",
                                        List.of(
                                                LineSeries.Point.of(t0, 41.5),
                                                LineSeries.Point.of(t0.plusSeconds(60), null)))
                                .smoothed()
                                .withThreshold(45, "limit 45 %", "#e03131")
                                .withBand(40, 45, "warning", "rgba(250,176,5,0.2)"))
                .withTitle(Title.of("CPU"))
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1))
                .withDataZoom(DataZoom.insideX());

        JsonNode root = json(option);

        assertThat(root.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "title", "tooltip", "legend", "grid", "xAxis", "yAxis", "dataZoom", "series", "useUTC");
        assertThat(root.at("/title/text").asText()).isEqualTo("CPU");
        assertThat(root.at("/tooltip/trigger").asText()).isEqualTo("axis");
        assertThat(root.at("/tooltip/valueSuffix").asText()).isEqualTo(" %");
        assertThat(root.at("/tooltip/valueDecimals").asInt()).isEqualTo(1);
        assertThat(root.at("/xAxis/type").asText()).isEqualTo("time");
        assertThat(root.at("/xAxis/axisLabel/hideOverlap").asBoolean())
                .as("a narrow time axis drops overlapping hour labels (issue 15 item 11)")
                .isTrue();
        // round-hour ticks: never closer than an hour (ECharts then aligns them to whole hours), "HH:mm" on the
        // hour and the date on midnight, in UTC as the rest of the console
        assertThat(root.at("/xAxis/minInterval").asLong()).isEqualTo(60 * 60 * 1000);
        assertThat(root.at("/xAxis/axisLabel/formatter/hour").asText()).isEqualTo("{HH}:{mm}");
        assertThat(root.at("/xAxis/axisLabel/formatter/day").asText()).isEqualTo("{MM}-{dd}");
        assertThat(root.at("/xAxis/axisLabel/showMinLabel").asBoolean(true))
                .as("no label on the first minute of the data (it printed 00:01 before 01:00)")
                .isFalse();
        assertThat(root.at("/xAxis/axisLabel/showMaxLabel").asBoolean(true)).isFalse();
        assertThat(root.at("/useUTC").asBoolean()).isTrue();
        assertThat(root.at("/yAxis/minInterval").isMissingNode())
                .as("a value axis keeps its own ticks")
                .isTrue();
        assertThat(root.at("/yAxis/type").asText()).isEqualTo("value");
        assertThat(root.at("/yAxis/min").asDouble()).isEqualTo(0);
        assertThat(root.at("/yAxis/max").asDouble()).isEqualTo(100);
        assertThat(root.at("/yAxis/axisLabel/valueSuffix").asText()).isEqualTo(" %");
        assertThat(root.at("/dataZoom/0/type").asText()).isEqualTo("inside");
        assertThat(root.at("/dataZoom/0/xAxisIndex").asInt()).isZero();

        JsonNode series = root.at("/series/0");
        assertThat(root.at("/series").size()).isEqualTo(1);
        assertThat(series.get("type").asText()).isEqualTo("line");
        assertThat(series.get("name").asText()).isEqualTo("cpu");
        assertThat(series.get("smooth").asBoolean()).isTrue();
        assertThat(series.get("showSymbol").asBoolean()).isFalse();
        assertThat(series.at("/data/0/0").asLong()).isEqualTo(t0.toEpochMilli());
        assertThat(series.at("/data/0/1").asDouble()).isEqualTo(41.5);
        assertThat(series.at("/data/1/1").isNull()).as("null y is a gap").isTrue();

        JsonNode markLine = series.get("markLine");
        assertThat(markLine.get("silent").asBoolean()).isTrue();
        assertThat(markLine.get("symbol").asText()).isEqualTo("none");
        assertThat(markLine.at("/data").size()).isEqualTo(1);
        assertThat(markLine.at("/data/0/yAxis").asDouble()).isEqualTo(45);
        assertThat(markLine.at("/data/0/xAxis").isMissingNode()).isTrue();
        assertThat(markLine.at("/label/formatter").asText()).isEqualTo("limit 45 %");
        assertThat(markLine.at("/label/position").asText()).isEqualTo("insideEndTop");
        assertThat(markLine.at("/label/color").asText()).isEqualTo("#e03131");
        assertThat(markLine.at("/lineStyle/color").asText()).isEqualTo("#e03131");
        assertThat(markLine.at("/lineStyle/type").asText()).isEqualTo("dashed");

        JsonNode markArea = series.get("markArea");
        assertThat(markArea.at("/itemStyle/color").asText()).isEqualTo("rgba(250,176,5,0.2)");
        assertThat(markArea.get("silent").asBoolean()).isTrue();
        assertThat(markArea.at("/label/position").asText()).isEqualTo("insideTopLeft");
        assertThat(markArea.at("/data").size()).as("one area").isEqualTo(1);
        assertThat(markArea.at("/data/0").size()).as("two corners").isEqualTo(2);
        assertThat(markArea.at("/data/0/0/yAxis").asDouble()).isEqualTo(40);
        assertThat(markArea.at("/data/0/0/name").asText()).isEqualTo("warning");
        assertThat(markArea.at("/data/0/1/yAxis").asDouble()).isEqualTo(45);
        assertThat(markArea.at("/data/0/1/name").isMissingNode()).isTrue();
    }

    @Test
    void heatmapWithContinuousVisualMap() throws Exception {
        var option = ChartOption.heatmap(
                List.of("10:00", "10:01"),
                List.of("stamp-a", "stamp-b"),
                VisualMap.continuous(0, 100, "#2f9e44", "#e03131").withValueSuffix(" %"),
                HeatmapSeries.of(
                        "cpu", List.of(new HeatmapSeries.Cell(0, 0, 12.5), new HeatmapSeries.Cell(1, 1, null))));

        JsonNode root = json(option);

        assertThat(root.at("/tooltip/trigger").asText()).isEqualTo("item");
        assertThat(root.at("/tooltip/formatter").asText()).isEqualTo("@heatmapCell");
        assertThat(root.at("/xAxis/type").asText()).isEqualTo("category");
        assertThat(root.at("/xAxis/data").toString()).isEqualTo("[\"10:00\",\"10:01\"]");
        assertThat(root.at("/xAxis/splitArea/show").asBoolean()).isTrue();
        assertThat(root.at("/yAxis/data").toString()).isEqualTo("[\"stamp-a\",\"stamp-b\"]");
        assertThat(root.at("/yAxis/inverse").asBoolean()).as("first row on top").isTrue();

        JsonNode vm = root.get("visualMap");
        assertThat(vm.get("type").asText()).isEqualTo("continuous");
        assertThat(vm.get("min").asDouble()).isEqualTo(0);
        assertThat(vm.get("max").asDouble()).isEqualTo(100);
        assertThat(vm.get("calculable").asBoolean()).isTrue();
        assertThat(vm.at("/inRange/color").toString()).isEqualTo("[\"#2f9e44\",\"#e03131\"]");
        assertThat(vm.get("valueSuffix").asText()).isEqualTo(" %");

        JsonNode series = root.at("/series/0");
        assertThat(series.get("type").asText()).isEqualTo("heatmap");
        assertThat(series.get("data").toString()).isEqualTo("[[0,0,12.5],[1,1,\"-\"]]");
        assertThat(series.at("/label/show").asBoolean()).isFalse();
        assertThat(series.at("/emphasis/itemStyle/shadowBlur").asInt()).isEqualTo(10);
    }

    @Test
    void horizontalStackedBar() throws Exception {
        var option = ChartOption.horizontalBar(
                List.of("weu-01", "neu-01"),
                BarSeries.of("healthy", List.of(12, 7)).stacked("nodes").withColor("#2f9e44"),
                BarSeries.of("failed", List.of(1, 0))
                        .stacked("nodes")
                        .withLabel(Label.shown().at("insideRight")));

        JsonNode root = json(option);

        assertThat(root.at("/xAxis/type").asText()).isEqualTo("value");
        assertThat(root.at("/yAxis/type").asText()).isEqualTo("category");
        assertThat(root.at("/yAxis/data").toString()).isEqualTo("[\"weu-01\",\"neu-01\"]");
        assertThat(root.at("/series").size()).isEqualTo(2);
        assertThat(root.at("/series/0/type").asText()).isEqualTo("bar");
        assertThat(root.at("/series/0/data").toString()).isEqualTo("[12,7]");
        assertThat(root.at("/series/0/stack").asText()).isEqualTo("nodes");
        assertThat(root.at("/series/0/itemStyle/color").asText()).isEqualTo("#2f9e44");
        assertThat(root.at("/series/0/label").isMissingNode()).isTrue();
        assertThat(root.at("/series/1/label/show").asBoolean()).isTrue();
        assertThat(root.at("/series/1/label/position").asText()).isEqualTo("insideRight");
    }

    @Test
    void verticalBarPutsCategoriesOnX() throws Exception {
        JsonNode root = json(ChartOption.bar(List.of("a", "b"), BarSeries.of("n", List.of(1.5, 2))));

        assertThat(root.at("/xAxis/type").asText()).isEqualTo("category");
        assertThat(root.at("/yAxis/type").asText()).isEqualTo("value");
        assertThat(root.at("/series/0/data").toString()).isEqualTo("[1.5,2]");
    }

    @Test
    void donutPie() throws Exception {
        var option = ChartOption.pie(
                PieSeries.of("pools", List.of(new PieSeries.Slice("system", 6), new PieSeries.Slice("general", 18)))
                        .donut());

        JsonNode root = json(option);

        assertThat(root.fieldNames()).toIterable().containsExactlyInAnyOrder("tooltip", "legend", "series", "useUTC");
        assertThat(root.at("/tooltip/trigger").asText()).isEqualTo("item");
        assertThat(root.at("/legend/top").asText()).isEqualTo("bottom");
        JsonNode series = root.at("/series/0");
        assertThat(series.get("type").asText()).isEqualTo("pie");
        assertThat(series.get("radius").toString()).isEqualTo("[\"35%\",\"60%\"]");
        assertThat(series.get("center").toString()).isEqualTo("[\"50%\",\"50%\"]");
        assertThat(series.get("data").toString())
                .isEqualTo("[{\"name\":\"system\",\"value\":6.0},{\"name\":\"general\",\"value\":18.0}]");
        assertThat(series.at("/label/formatter").asText()).isEqualTo("{b}: {c}");
        assertThat(series.at("/itemStyle/borderRadius").asInt()).isEqualTo(6);
    }
}
