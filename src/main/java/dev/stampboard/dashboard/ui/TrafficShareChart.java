package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.Label;
import dev.stampboard.base.ui.chart.Legend;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.dashboard.ShareSlice;
import dev.stampboard.dashboard.StampDetailService;
import dev.stampboard.fleet.PoolKind;
import java.util.List;

/** Who makes a pool's load: the top registries' share of its requests (REGISTRY) or bytes (DATAPROXY), then the rest. */
class TrafficShareChart extends Composite<Div> {

    TrafficShareChart(PoolKind pool, List<ShareSlice> slices, String window) {
        String measure = pool == PoolKind.REGISTRY ? "requests" : "bytes served";
        String title = StampHeader.label(pool) + " pool · share of " + measure;
        String subtitle = "Top " + StampDetailService.TOP_N + " registries and the rest, over the " + window;
        if (slices.isEmpty()) {
            var empty = DetailCharts.empty("No traffic yet on this stamp");
            empty.setId("share-" + pool.name() + "-empty");
            getContent().add(DetailCharts.card(title, subtitle, empty));
            return;
        }
        List<String> labels = slices.stream().map(ShareSlice::label).toList();
        List<Double> percent =
                slices.stream().map(s -> Math.round(s.share() * 1000) / 10.0).toList();
        var bars = BarSeries.of("Share of " + measure, percent)
                .withColor(DetailCharts.TEAL)
                .withMaxWidth(18)
                .withLabel(new Label(true, "right", null, null, " %", 1));
        var option = ChartOption.horizontalBar(labels, bars)
                .withLegend(Legend.hidden())
                .withGrid(GridBox.of("8", "56", "8", "8"))
                .withXAxis(Axis.value().withUnit(" %").withRange(0d, null))
                .withTooltip(Tooltip.axis().withValueSuffix(" %").withValueDecimals(1));
        var chart = new EChart(option);
        chart.setId("share-" + pool.name());
        chart.setSummary(title + " over the " + window + ": "
                + String.join(
                        ", ",
                        slices.stream()
                                .map(s ->
                                        String.format(java.util.Locale.ROOT, "%s %.1f %%", s.label(), s.share() * 100))
                                .toList()));
        chart.setHeight(Math.max(160, 30 * slices.size() + 30) + "px");
        getContent().add(DetailCharts.card(title, subtitle, chart));
    }
}
