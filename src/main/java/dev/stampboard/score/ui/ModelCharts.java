package dev.stampboard.score.ui;

import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.AxisLabel;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.GridBox;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.score.Cards;
import dev.stampboard.score.ModelCard;
import java.util.ArrayList;
import java.util.List;

/** The model page's charts: ROC curves of the model and the baseline rule, and their lead-time histograms. */
final class ModelCharts {

    /** Lead times are binned by half hour, up to the 6 h horizon (wider horizons get more bins). */
    static final int BIN_MINUTES = 30;

    private ModelCharts() {}

    static ChartOption roc(ModelCard.Evaluated e) {
        return ChartOption.line(
                        Axis.value().withRange(0d, 1d).withNameCentred("false-positive rate", 26),
                        Axis.value().withRange(0d, 1d).withNameCentred("true-positive rate", 36),
                        LineSeries.of(
                                        "model (AUC " + Cards.figure(e.model().auc()) + ")",
                                        points(e.model().roc()))
                                .withColor("#7048e8"),
                        LineSeries.of(
                                        "baseline rule (AUC "
                                                + Cards.figure(e.baseline().auc()) + ")",
                                        points(e.baseline().roc()))
                                .withColor("#868e96"),
                        LineSeries.of("chance", List.of(LineSeries.Point.of(0, 0d), LineSeries.Point.of(1, 1d)))
                                .withColor("#dee2e6"))
                .withTooltip(Tooltip.axis().withValueDecimals(3))
                .withGrid(ROOM_FOR_AXIS_NAMES);
    }

    /**
     * Room outside the tick labels for the axis names (centred along each axis): the legend's two or three lines on
     * top, the x name below, the y name on the left.
     */
    static final GridBox ROOM_FOR_AXIS_NAMES = GridBox.of("34", "20", "64", "34");

    private static List<LineSeries.Point> points(List<double[]> roc) {
        List<LineSeries.Point> out = new ArrayList<>();
        for (double[] p : roc) {
            out.add(LineSeries.Point.of(Math.round(p[0] * 10000) / 10000.0, Math.round(p[1] * 10000) / 10000.0));
        }
        return out;
    }

    static ChartOption leadTimes(ModelCard.Evaluated e, int horizonMinutes) {
        int bins = Math.max(1, (horizonMinutes + BIN_MINUTES - 1) / BIN_MINUTES);
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(b * BIN_MINUTES + "–" + (b + 1) * BIN_MINUTES);
        }
        return ChartOption.bar(
                        labels,
                        BarSeries.of("model", histogram(e.model().leadTimes(), bins))
                                .withColor("#7048e8"),
                        BarSeries.of("baseline rule", histogram(e.baseline().leadTimes(), bins))
                                .withColor("#868e96"))
                .withXAxis(Axis.category(labels)
                        .withLabel(new AxisLabel(null, null, null, 45, 0))
                        .withNameCentred("minutes before the incident", 66))
                .withYAxis(Axis.value().withNameCentred("incidents", 30))
                .withGrid(ROOM_FOR_AXIS_NAMES.withBottom("78"));
    }

    static List<Integer> histogram(int[] leadTimes, int bins) {
        Integer[] counts = new Integer[bins];
        java.util.Arrays.fill(counts, 0);
        for (int lead : leadTimes) {
            int b = Math.min(bins - 1, Math.max(0, (lead - 1) / BIN_MINUTES));
            counts[b]++;
        }
        return List.of(counts);
    }
}
