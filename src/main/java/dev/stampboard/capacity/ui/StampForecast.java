package dev.stampboard.capacity.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.capacity.CapacityService;
import dev.stampboard.capacity.engine.GrowthForecast;
import dev.stampboard.capacity.engine.LevelShift;
import dev.stampboard.fleet.PoolKind;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stamp detail's growth forecast: per pool, the daily peak P95 of the past weeks, the forecast line with its
 * prediction band, and in words the trend and when the pool turns HOT.
 */
public class StampForecast extends Composite<Div> {

    public StampForecast(CapacityService capacity, String stamp, double threshold) {
        Div root = getContent();
        root.setId("stamp-forecast");
        root.setWidthFull();
        root.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        for (PoolKind pool : PoolKind.values()) {
            var card = new Div();
            card.getStyle().set("flex", "1 1 440px").set("min-width", "0");
            String name = pool == PoolKind.REGISTRY ? "Registry pool" : "Dataproxy pool";
            card.add(new H3(name));
            capacity.forecast(stamp, pool)
                    .ifPresentOrElse(
                            f -> {
                                var text = new Paragraph(summary(f, capacity.forecastDays()));
                                text.setId("forecast-summary-" + pool.name().toLowerCase(Locale.ROOT));
                                var chart = new EChart(CapacityCharts.forecast(f, threshold));
                                chart.setId("forecast-" + pool.name().toLowerCase(Locale.ROOT));
                                chart.setWidthFull();
                                chart.setHeight("280px");
                                chart.setSummary(name + ": " + text.getText());
                                card.add(text, chart);
                            },
                            () -> card.add(new Paragraph(noForecast(capacity.lastShift(stamp, pool)))));
            root.add(card);
        }
    }

    static String noForecast(@Nullable LevelShift shift) {
        String text = "No forecast yet: fewer than " + GrowthForecast.TREND_MIN_DAYS + " days of daily peaks recorded";
        return shift == null
                ? text + "."
                : text + " since the pool's last level shift (" + shift.what() + ", " + shift.at()
                        + "): the days before it describe another load.";
    }

    static String summary(GrowthForecast.Forecast f, int horizon) {
        String trend = String.format(
                Locale.ROOT,
                "Trend %+.2f pp a day over %d days%s.",
                f.slopePerDay(),
                f.history().size(),
                f.seasonal() ? " with weekly seasonality" : "");
        return trend + " " + DaysUntilHot.describe(f.daysUntilHot(), horizon);
    }
}
