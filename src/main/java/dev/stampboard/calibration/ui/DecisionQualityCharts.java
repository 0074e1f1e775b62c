package dev.stampboard.calibration.ui;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.Legend;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.ScatterSeries;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.calibration.CalibrationReport.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The three charts of the decision-quality page, as ECharts options built from the measured outcomes. */
final class DecisionQualityCharts {

    static final int BIN_PP = 2;
    /** The x axis name sits right of the axis end: the grid leaves it room (the compact grid cut it off). */
    private static final GridBox X_NAME_ROOM = GridBox.of("16", "72", "40", "16");

    private DecisionQualityCharts() {}

    /** Predicted (x) against measured (y) per pool kind, with the diagonal where a perfect prediction lands. */
    static ChartOption scatter(List<Point> points) {
        List<LineSeries.Point> registry = new ArrayList<>();
        List<LineSeries.Point> dataproxy = new ArrayList<>();
        for (Point p : points) {
            (p.pool().equals("REGISTRY") ? registry : dataproxy)
                    .add(LineSeries.Point.of(round(p.predicted()), round(p.measured())));
        }
        LineSeries diagonal = LineSeries.of(
                        "measured = predicted", List.of(LineSeries.Point.of(0, 0.0), LineSeries.Point.of(100, 100.0)))
                .withColor("#868e96");
        return new ChartOption(
                null,
                Tooltip.item(),
                Legend.atTop(),
                X_NAME_ROOM,
                Axis.value().withName("predicted").withRange(0d, 100d),
                Axis.value().withName("measured %").withRange(0d, 100d),
                null,
                null,
                List.of(
                        diagonal,
                        ScatterSeries.of("registry pools", registry).withColor("#1971c2"),
                        ScatterSeries.of("dataproxy pools", dataproxy).withColor("#e8590c")));
    }

    /** How many pools missed by how much (measured − predicted), in bins of {@value #BIN_PP} pp. */
    static ChartOption histogram(List<Point> points, boolean heldOut) {
        Map<Integer, int[]> bins = new TreeMap<>();
        for (Point p : points) {
            int bin = (int) Math.floor((p.measured() - p.predicted()) / BIN_PP) * BIN_PP;
            bins.computeIfAbsent(bin, b -> new int[2])[0]++;
            if (p.calibrated() != null) {
                int calibratedBin = (int) Math.floor((p.measured() - p.calibrated()) / BIN_PP) * BIN_PP;
                bins.computeIfAbsent(calibratedBin, b -> new int[2])[1]++;
            }
        }
        if (!bins.isEmpty()) {
            int from = bins.keySet().iterator().next();
            int to = ((TreeMap<Integer, int[]>) bins).lastKey();
            for (int b = from; b <= to; b += BIN_PP) {
                bins.putIfAbsent(b, new int[2]);
            }
        }
        List<String> labels = bins.keySet().stream()
                .map(b -> String.format("%+d…%+d", b, b + BIN_PP))
                .toList();
        return ChartOption.bar(
                        labels,
                        BarSeries.of(
                                        "uncalibrated",
                                        bins.values().stream()
                                                .map(c -> (Number) c[0])
                                                .toList())
                                .withColor("#fa5252"),
                        BarSeries.of(
                                        calibratedLabel(heldOut),
                                        bins.values().stream()
                                                .map(c -> (Number) c[1])
                                                .toList())
                                .withColor("#2f9e44"))
                .withGrid(X_NAME_ROOM)
                .withXAxis(Axis.category(labels).withName("error pp"))
                .withYAxis(Axis.value().withName("pools"));
    }

    /** Each outcome's error at the time it was judged: as predicted, and as the calibration would have predicted. */
    static ChartOption overTime(List<Point> points, boolean heldOut) {
        List<LineSeries.Point> raw = new ArrayList<>();
        List<LineSeries.Point> calibrated = new ArrayList<>();
        for (Point p : points) {
            raw.add(LineSeries.Point.of(p.at(), round(p.measured() - p.predicted())));
            if (p.calibrated() != null) {
                calibrated.add(LineSeries.Point.of(p.at(), round(p.measured() - p.calibrated())));
            }
        }
        return new ChartOption(
                null,
                Tooltip.item(),
                Legend.atTop(),
                GridBox.compact(),
                Axis.time(),
                Axis.value().withName("error pp"),
                null,
                null,
                List.of(
                        ScatterSeries.of("uncalibrated", raw).withColor("#fa5252"),
                        ScatterSeries.of(calibratedLabel(heldOut), calibrated).withColor("#2f9e44")));
    }

    /**
     * What the calibrated series is measured on: a later plan than the fit saw, or (with one plan validated) the very
     * outcomes it was fitted from, which flatters it.
     */
    static String calibratedLabel(boolean heldOut) {
        return heldOut ? "calibrated (held out)" : "calibrated (in sample)";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
