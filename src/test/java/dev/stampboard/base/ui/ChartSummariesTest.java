package dev.stampboard.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.signals.SignalsService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 item 12: every chart says its key values in words (an image with an accessible name), on every
 * screen that draws one — so a screen reader, or someone who cannot tell the series' colours apart, gets them.
 */
class ChartSummariesTest extends KaribuTest {

    @Autowired
    PlanningService planning;

    @Autowired
    SignalsService signals;

    private List<EChart> chartsAt(String route) {
        return chartsAt(route, com.vaadin.flow.router.QueryParameters.empty());
    }

    private List<EChart> chartsAt(String route, com.vaadin.flow.router.QueryParameters query) {
        UI.getCurrent().navigate(route, query);
        List<EChart> charts = _find(EChart.class);
        assertThat(charts).as("charts on /%s", route).isNotEmpty();
        assertThat(charts).as("every chart on /%s has a summary", route).allSatisfy(chart -> {
            assertThat(chart.getElement().getAttribute("role")).isEqualTo("img");
            assertThat(chart.getSummary()).isNotBlank();
        });
        return charts;
    }

    private static String summaryOf(List<EChart> charts, String id) {
        return charts.stream()
                .filter(c -> c.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow()
                .getSummary();
    }

    @Test
    void dashboard_stamp_and_registry_charts_say_their_key_values() {
        login("dave");
        assertThat(summaryOf(
                        chartsAt("", com.vaadin.flow.router.QueryParameters.of("region", "eastus")),
                        "heatmap-DATAPROXY"))
                .contains("eus-s01 now");

        List<EChart> stamp = chartsAt("stamps/eus-s01");
        // the rolling P95 at the newest minute is the window's hot-node P95, as the signal engine reports it
        double p95 = signals.hotNodeP95("eus-s01", PoolKind.DATAPROXY).orElseThrow();
        assertThat(summaryOf(stamp, "trend-DATAPROXY"))
                .contains(String.format(Locale.ROOT, "rolling P95 %.1f %%, HOT", p95));
        assertThat(summaryOf(stamp, "share-DATAPROXY"))
                .startsWith("Dataproxy pool · share of bytes served")
                .contains(" %");
    }

    @Test
    void registry_charts_say_latest_and_highest_minute() {
        login("alice");
        assertThat(summaryOf(chartsAt("registries/openmindmodels.azurecr.io"), "p99-eastus"))
                .startsWith("p99 pull latency in eastus over the ")
                .contains("latest minute")
                .contains(" ms");
    }

    @Test
    void plan_review_and_report_charts_say_before_and_after() {
        login("alice");
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        var before = plan.predictions().get(0);
        String expected = String.format(
                Locale.ROOT,
                "%s %s %.1f %% to %.1f %%",
                before.stamp(),
                before.pool().toLowerCase(),
                before.beforeP95(),
                before.afterP95());
        assertThat(summaryOf(chartsAt("plans/" + plan.id()), "prediction-chart"))
                .contains(expected);
        assertThat(summaryOf(chartsAt("plans/" + plan.id() + "/report"), "report-chart"))
                .contains(before.stamp() + " " + before.pool().toLowerCase());
    }
}
