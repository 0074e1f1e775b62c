package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.AxisLabel;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.HeatmapSeries;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.base.ui.chart.VisualMap;
import dev.stampboard.dashboard.HeatmapData;
import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pool's hot-node CPU as a heatmap: a row per stamp, a column per minute of the window, one
 * colour scale (0–100 %) shared by both pools so their colours compare.
 */
class StampHeatmap extends Composite<Div> {

    static final int ROW_HEIGHT_PX = 22;
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    /** Greens up to 30 %, yellow at the warning level, orange to red above the threshold. */
    private static final String[] SCALE = {
        "#ebfbee", "#b2f2bb", "#69db7c", "#40c057", "#ffd43b", "#ff922b", "#f76707", "#fa5252", "#e03131", "#c92a2a",
        "#862e2e"
    };

    /** Minutes re-sent at the right edge on each step, so a sample that arrived late is drawn too. */
    static final int LATE_MINUTES = 3;

    private static final DateTimeFormatter COLUMN =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final EChart chart = new EChart();
    private final Paragraph empty = new Paragraph();
    private final PoolKind pool;
    private List<String> stamps = List.of();
    /** What the client draws now (its window), to send only what changed. */
    private long drawnFrom = Long.MIN_VALUE;

    private int drawnColumns = -1;

    /** The rows' node names the client has, so a refresh sends them only when a pool's nodes changed. */
    private List<List<String>> drawnNames = List.of();

    StampHeatmap(PoolKind pool, Consumer<String> onStampClicked) {
        this.pool = pool;
        var title = new H3(
                (pool == PoolKind.REGISTRY ? "Registry" : "Dataproxy") + " pool · hot-node CPU per minute (UTC)");
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

    /**
     * Draws the data. When only the clock moved (same stamps, same window length, a few minutes on), the
     * client gets just the new minutes (plus the last {@value #LATE_MINUTES} again): rows stay drawn and a
     * refresh of 20 stamps × 2 pools sends a few kilobytes instead of the whole window.
     */
    void show(HeatmapData data) {
        boolean sameRows = data.stamps().equals(stamps);
        stamps = data.stamps();
        if (stamps.isEmpty() || data.rows().stream().allMatch(StampHeatmap::allMissing)) {
            empty.setText(stamps.isEmpty() ? "No stamps to show." : "No telemetry yet for these stamps.");
            empty.setVisible(true);
            chart.setVisible(false);
            drawnColumns = -1;
            return;
        }
        empty.setVisible(false);
        chart.setVisible(true);
        long step = data.fromMinute() - drawnFrom;
        int columns = data.columns();
        if (sameRows && columns == drawnColumns && step >= 0 && step + LATE_MINUTES < columns / 2) {
            if (step > 0 || LATE_MINUTES > 0) {
                int keep = columns - (int) step - LATE_MINUTES;
                List<List<String>> names = names(data);
                chart.patchHeatmap(
                        (int) step,
                        keep,
                        labels(data, keep, columns),
                        cells(data, keep, columns),
                        names.equals(drawnNames) ? null : names);
                drawnNames = names;
            }
        } else {
            chart.setOption(option(data));
            drawnNames = names(data);
            chart.setHeight((stamps.size() * ROW_HEIGHT_PX + 110) + "px");
        }
        chart.setSummary(summary(data));
        drawnFrom = data.fromMinute();
        drawnColumns = columns;
    }

    ChartOption option(HeatmapData data) {
        int longest = data.stamps().stream().mapToInt(String::length).max().orElse(8);
        return ChartOption.heatmap(
                        labels(data, 0, data.columns()),
                        data.stamps(),
                        VisualMap.continuous(0, 100, SCALE)
                                .withValueSuffix(" %")
                                .withValueDecimals(0)
                                // a cell is [minute, stamp, value, node]: colour by the value
                                .withDimension(2),
                        HeatmapSeries.of("hot-node CPU", cells(data, 0, data.columns()))
                                .withCellNames(names(data)))
                .withXAxis(Axis.category(labels(data, 0, data.columns()))
                        .withSplitArea()
                        .withLabel(AxisLabel.named("hourTicks").withLineHeight(16)))
                // stamp · minute, the exact reported value (no rounding) with its unit, and the node that made it
                .withTooltip(Tooltip.heatmapCell().withValueSuffix(" %"))
                // room for the longest stamp name, so "ded-openmind-ai-eastus" is not cut
                .withGrid(GridBox.of(Integer.toString(Math.max(80, longest * 7 + 16)), "24", "8", "70"));
    }

    /** Column labels {@code from..to} of the window: "MM-dd HH:mm" (the axis shows round hours with the date). */
    private static List<String> labels(HeatmapData data, int from, int to) {
        List<String> labels = new ArrayList<>(to - from);
        for (int j = from; j < to; j++) {
            labels.add(COLUMN.format(Instant.ofEpochSecond((data.fromMinute() + j) * 60)));
        }
        return labels;
    }

    /**
     * The sampled cells of columns {@code from..to} (x is the column in the whole window), each with the index
     * of its hot node in the row's {@link #names}.
     */
    private static List<HeatmapSeries.Cell> cells(HeatmapData data, int from, int to) {
        List<HeatmapSeries.Cell> cells = new ArrayList<>();
        for (int i = 0; i < data.rows().size(); i++) {
            float[] row = data.rows().get(i);
            int[] nodes = data.hotNodes().get(i).byMinute();
            for (int j = from; j < to; j++) {
                if (!Float.isNaN(row[j])) {
                    // the float's shortest decimal is the exact value that was reported
                    double value = Double.parseDouble(Float.toString(row[j]));
                    cells.add(new HeatmapSeries.Cell(j, i, value, nodes[j] < 0 ? null : nodes[j]));
                }
            }
        }
        return cells;
    }

    /** Per row, what a cell's node index names in the tooltip: "hot node dp-007". */
    private static List<List<String>> names(HeatmapData data) {
        return data.hotNodes().stream()
                .map(h -> h.nodes().stream().map(n -> "hot node " + n).toList())
                .toList();
    }

    /** What a screen reader says instead of the colours: each row's latest minute and the window's peak. */
    private String summary(HeatmapData data) {
        StringBuilder text = new StringBuilder((pool == PoolKind.REGISTRY ? "Registry" : "Dataproxy")
                + " pool hot-node CPU heatmap, " + data.stamps().size() + " stamps, latest minute "
                + MINUTE.format(Instant.ofEpochSecond((data.fromMinute() + data.columns() - 1) * 60)) + " UTC: ");
        for (int i = 0; i < data.rows().size(); i++) {
            float[] row = data.rows().get(i);
            float last = Float.NaN;
            float peak = Float.NaN;
            for (float v : row) {
                if (!Float.isNaN(v)) {
                    last = v;
                    peak = Float.isNaN(peak) ? v : Math.max(peak, v);
                }
            }
            text.append(i == 0 ? "" : "; ")
                    .append(data.stamps().get(i))
                    .append(
                            Float.isNaN(last)
                                    ? " no data"
                                    : String.format(java.util.Locale.ROOT, " now %.0f %%, peak %.0f %%", last, peak));
        }
        return text.toString();
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
