package dev.stampboard.dashboard.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.HeatmapSeries;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.base.ui.chart.VisualMap;
import dev.stampboard.dashboard.HeatmapData;
import dev.stampboard.fleet.PoolKind;

/**
 * One pool's hot-node CPU as a heatmap: a row per stamp, a column per minute of the window, one
 * colour scale (0–100 %) shared by both pools so their colours compare.
 */
class StampHeatmap extends Composite<Div> {

    static final int ROW_HEIGHT_PX = 22;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    /** Greens up to 30 %, yellow at the warning level, orange to red above the threshold. */
    private static final String[] SCALE = {"#ebfbee", "#b2f2bb", "#69db7c", "#40c057", "#ffd43b", "#ff922b",
            "#f76707", "#fa5252", "#e03131", "#c92a2a", "#862e2e"};

    private final EChart chart = new EChart();
    private final Paragraph empty = new Paragraph();
    private List<String> stamps = List.of();

    StampHeatmap(PoolKind pool, Consumer<String> onStampClicked) {
        var title = new H4((pool == PoolKind.REGISTRY ? "Registry" : "Dataproxy") + " pool · hot-node CPU per minute (UTC)");
        title.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        chart.setId("heatmap-" + pool.name());
        chart.addItemClickListener(e -> {
            int row = rowOf(e.getValueJson());
            if (row >= 0 && row < stamps.size()) {
                onStampClicked.accept(stamps.get(row));
            }
        });
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        getContent().add(title, empty, chart);
        getContent().setWidthFull();
    }

    void show(HeatmapData data) {
        stamps = data.stamps();
        if (stamps.isEmpty() || data.rows().stream().allMatch(StampHeatmap::allMissing)) {
            empty.setText(stamps.isEmpty() ? "No stamps to show." : "No telemetry yet for these stamps.");
            empty.setVisible(true);
            chart.setVisible(false);
            return;
        }
        empty.setVisible(false);
        chart.setVisible(true);
        chart.setOption(option(data));
        chart.setHeight((stamps.size() * ROW_HEIGHT_PX + 110) + "px");
    }

    ChartOption option(HeatmapData data) {
        List<String> columns = new ArrayList<>(data.columns());
        for (int j = 0; j < data.columns(); j++) {
            columns.add(MINUTE.format(Instant.ofEpochSecond((data.fromMinute() + j) * 60)));
        }
        List<HeatmapSeries.Cell> cells = new ArrayList<>();
        for (int i = 0; i < data.rows().size(); i++) {
            float[] row = data.rows().get(i);
            for (int j = 0; j < row.length; j++) {
                if (!Float.isNaN(row[j])) {
                    // the float's shortest decimal is the exact value that was reported
                    cells.add(new HeatmapSeries.Cell(j, i, Double.parseDouble(Float.toString(row[j]))));
                }
            }
        }
        return ChartOption.heatmap(columns, data.stamps(),
                        VisualMap.continuous(0, 100, SCALE).withValueSuffix(" %").withValueDecimals(0),
                        HeatmapSeries.of("hot-node CPU", cells))
                // stamp · minute and the exact reported value (no rounding), with its unit
                .withTooltip(Tooltip.heatmapCell().withValueSuffix(" %"))
                .withGrid(GridBox.of("80", "24", "8", "70"));
    }

    private static boolean allMissing(float[] row) {
        for (float v : row) {
            if (!Float.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** The clicked cell's value is "[x,y,v]": y is the row. */
    static int rowOf(String valueJson) {
        String[] parts = valueJson.replace("[", "").replace("]", "").split(",");
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    EChart chart() {
        return chart;
    }
}
