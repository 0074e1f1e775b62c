package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.base.ui.chart.ItemStyle;
import dev.stampboard.base.ui.chart.LineSeries;
import dev.stampboard.base.ui.chart.LineStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Shared pieces of the detail screens' charts: colours, time points, a titled card, the empty state. */
final class DetailCharts {

    static final String HOT_RED = "#e03131";

    /** Cutover markers on trend charts. */
    static final String CUTOVER = "#7048e8";

    static final String WARN_BAND = "rgba(250, 176, 5, 0.22)";
    static final String BLUE = "#1971c2";
    static final String LIGHT_BLUE = "#74c0fc";
    static final String TEAL = "#0c8599";
    static final String VIOLET = "#7048e8";
    static final String GREY = "#495057";
    static final String CHART_HEIGHT = "260px";

    private DetailCharts() {}

    /** {@code [epoch millis, value]} points, one per minute; a {@code null} value is a gap in the line. */
    static <T> List<LineSeries.Point> points(
            List<T> minutes, Function<T, Long> epochMinute, Function<T, @Nullable Double> value) {
        List<LineSeries.Point> points = new ArrayList<>(minutes.size());
        for (T m : minutes) {
            Double v = value.apply(m);
            points.add(LineSeries.Point.of(
                    Instant.ofEpochSecond(epochMinute.apply(m) * 60), v == null ? null : Math.round(v * 100) / 100.0));
        }
        return points;
    }

    /** A plain line without symbols, {@code width} px wide. */
    static LineSeries line(String name, List<LineSeries.Point> points, String color, int width) {
        return new LineSeries(
                name,
                List.copyOf(points),
                null,
                false,
                null,
                ItemStyle.color(color),
                LineStyle.solid(color, width),
                null,
                null);
    }

    /** A bordered card with a heading, a one-line explanation and the chart (or whatever stands in for it). */
    static Div card(String title, String subtitle, Component body) {
        var heading = new H3(title);
        heading.addClassNames(LumoUtility.Margin.NONE);
        var sub = new Div(subtitle);
        sub.addClassNames(
                LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Bottom.SMALL);
        var card = new Div(heading, sub, body);
        card.addClassNames(
                LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.MEDIUM);
        card.getStyle().set("min-width", "0");
        return card;
    }

    /** Stands in for a chart that has nothing to draw. */
    static Paragraph empty(String text) {
        var p = new Paragraph(text);
        p.addClassNames("empty-state", LumoUtility.TextColor.SECONDARY);
        p.getStyle().set("min-height", "4em");
        return p;
    }

    /** A responsive grid of cards: as many columns of at least {@code minWidth} as fit. */
    static Div cardGrid(String minWidth, Component... cards) {
        var grid = new Div(cards);
        grid.setWidthFull();
        grid.getStyle()
                .set("display", "grid")
                .set("gap", "var(--lumo-space-m)")
                // min(100%, …): on a 390 px phone a card takes the full width instead of overflowing
                .set("grid-template-columns", "repeat(auto-fit, minmax(min(100%, " + minWidth + "), 1fr))");
        return grid;
    }
}
