package dev.stampboard.score.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.base.ui.chart.Axis;
import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.Tooltip;
import dev.stampboard.score.ScoreService;
import dev.stampboard.score.StampScore;
import dev.stampboard.score.engine.Contribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stamp detail's score section: the latest score and what makes it (a bar per feature: weight × standardised
 * value, raising or lowering the logit), and the score over the last 12 h with the operating threshold.
 */
public class StampScoreSection extends Div {

    final Paragraph summary = new Paragraph();
    final EChart breakdown = new EChart();
    final EChart trend = new EChart();

    public StampScoreSection(ScoreService scores, String stamp) {
        setId("stamp-score");
        setWidthFull();
        H2 title = new H2("Stamp score");
        title.getStyle().set("margin-bottom", "0");
        summary.setId("score-summary");
        add(title, summary);
        Optional<StampScore> score = scores.scoreOf(stamp);
        if (score.isEmpty()) {
            summary.setText("No score yet: no score model is active. ");
            RouterLink model = new RouterLink("Score model", ScoreModelView.class);
            // a link inside a sentence needs more than its colour to be seen as a link (axe: link-in-text-block)
            model.getStyle().set("text-decoration", "underline");
            summary.add(model);
            return;
        }
        StampScore s = score.get();
        summary.setText(String.format(
                Locale.ROOT,
                "%.0f: the probability, in %%, that this stamp's customers see an SLO breach in most minutes of 15"
                        + " within %d h (model version %d). Logit %.2f = intercept %.2f + the contributions below.",
                s.score(),
                scores.horizonHours(),
                s.version(),
                s.logit(),
                s.intercept()));

        breakdown.setId("score-breakdown");
        breakdown.setOption(breakdownChart(s.breakdown()));
        trend.setId("score-trend");
        trend.setOption(trendChart(scores.trend(stamp), scores.operatingScore()));
        for (EChart chart : new EChart[] {breakdown, trend}) {
            chart.setHeight("320px");
        }
        Div cards = new Div(
                card("What makes the score (contribution to the logit)", breakdown),
                card("Score over the last 12 h", trend));
        cards.setWidthFull();
        cards.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(100%, 480px), 1fr))")
                .set("gap", "var(--lumo-space-m)");
        add(cards);
    }

    private static Div card(String caption, EChart chart) {
        H3 h = new H3(caption);
        h.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0");
        Div card = new Div(h, chart);
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box")
                .set("min-width", "0");
        return card;
    }

    static ChartOption breakdownChart(List<Contribution> contributions) {
        List<String> labels = new ArrayList<>();
        List<Double> raises = new ArrayList<>();
        List<Double> lowers = new ArrayList<>();
        for (Contribution c : contributions) {
            labels.add(String.format(Locale.ROOT, "%s (%s)", c.feature().label(), value(c)));
            double v = Math.round(c.contribution() * 1000) / 1000.0;
            raises.add(v >= 0 ? v : null);
            lowers.add(v < 0 ? v : null);
        }
        return ChartOption.horizontalBar(
                        labels,
                        BarSeries.of("raises the score", raises).stacked("c").withColor("#e03131"),
                        BarSeries.of("lowers the score", lowers).stacked("c").withColor("#1c7ed6"))
                .withGrid(dev.stampboard.base.ui.chart.GridBox.of("16", "24", "40", "8"));
    }

    private static String value(Contribution c) {
        String unit = c.feature().unit();
        int decimals = unit.equals("min") ? 0 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f %s", unsignedZero(c.value(), decimals), unit);
    }

    /**
     * {@code v}, or 0 when it shows as zero with that many decimals: a running mean can round to a tiny negative throttling
     * rate (e.g. -1e-17), which {@code %.2f} shows as "-0.00".
     */
    static double unsignedZero(double v, int decimals) {
        return Math.abs(v) < 0.5 / Math.pow(10, decimals) ? 0.0 : v;
    }

    static ChartOption trendChart(List<double[]> points, double threshold) {
        List<LineSeries.Point> data = new ArrayList<>();
        for (double[] p : points) {
            data.add(LineSeries.Point.of(
                    Instant.ofEpochSecond((long) p[0] * 60), Double.isNaN(p[1]) ? null : Math.round(p[1] * 10) / 10.0));
        }
        return ChartOption.line(
                        Axis.time(),
                        Axis.value().withRange(0d, 100d),
                        LineSeries.of("score", data)
                                .withColor("#7048e8")
                                .withThreshold(
                                        threshold, String.format(Locale.ROOT, "threshold %.0f", threshold), "#e03131"))
                .withTooltip(Tooltip.axis().withValueDecimals(1));
    }
}
