package dev.stampboard.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;

import dev.stampboard.KaribuTest;
import dev.stampboard.dashboard.Alert;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.simulator.SimulatorService;

class FleetViewTest extends KaribuTest {

    @Autowired
    SignalsService signals;
    @Autowired
    SimulatorService simulator;

    private FleetView open(String user) {
        login(user);
        UI.getCurrent().navigate(FleetView.class);
        return _get(FleetView.class);
    }

    @Test
    void lists_every_stamp_of_the_default_region_with_the_engines_p95() {
        FleetView view = open("dave");
        assertThat(view.toolbar.region()).isEqualTo("eastus");
        StampTable grid = view.table;
        assertThat(GridKt._size(grid)).isEqualTo(signals.stampSignalsIn("eastus").size()).isGreaterThanOrEqualTo(5);
        for (int row = 0; row < GridKt._size(grid); row++) {
            StampSignals item = GridKt._get(grid, row);
            for (PoolKind pool : PoolKind.values()) {
                double expected = independentP95(item.stamp().name(), pool);
                String shown = ((PoolBadge) GridKt._getCellComponent(grid, row, pool.name())).getText();
                assertThat(shown).as("%s %s", item.stamp().name(), pool)
                        .isEqualTo(String.format(Locale.ROOT, "%.1f %%", expected));
            }
        }
    }

    @Test
    void hottest_stamp_comes_first_and_is_shown_hot() {
        FleetView view = open("alice");
        StampSignals first = GridKt._get(view.table, 0);
        assertThat(first.stamp().name()).isEqualTo("eus-s01");
        PoolBadge badge = (PoolBadge) GridKt._getCellComponent(view.table, 0, PoolKind.DATAPROXY.name());
        assertThat(badge.getElement().getAttribute("data-state")).isEqualTo("HOT");
    }

    @Test
    void hot_only_keeps_the_warn_and_hot_stamps() {
        FleetView view = open("dave");
        view.toolbar.hotOnly.setValue(true);
        assertThat(GridKt._size(view.table)).isEqualTo(2);
        // the seed's second hot stamp (B, eus-s02, is cool: the seed's table)
        assertThat(GridKt._get(view.table, 1).stamp().name()).isEqualTo("eus-s04");
    }

    @Test
    void alerts_name_the_hot_pools_with_since_when() {
        FleetView view = open("dave");
        var alerts = view.alerts;
        assertThat(GridKt._size(alerts)).isGreaterThanOrEqualTo(2);
        Alert first = GridKt._get(alerts, 0);
        assertThat(first.severity()).isEqualTo(Alert.Severity.HOT);
        assertThat(first.subject()).isIn("eus-s01", "eus-s04");
        assertThat(first.sinceMinute()).isLessThanOrEqualTo(signals.nowMinute());
    }

    @Test
    void heatmap_rows_are_the_stamps_and_cells_the_exact_minute_values() throws Exception {
        FleetView view = open("dave");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(view.dataproxyHeatmap.chart().getOptionJson());
        assertThat(json.at("/yAxis/data/0").asText()).isEqualTo("eus-s01");
        assertThat(json.at("/xAxis/data").size()).isEqualTo(720);
        var cell = json.at("/series/0/data/0");
        long minute = signals.settings().peakWindow().rangeAt(signals.nowMinute()).fromMinute() + cell.get(0).asInt();
        String stamp = json.at("/yAxis/data/" + cell.get(1).asInt()).asText();
        double exact = signals.hotNodeSeries(stamp, PoolKind.DATAPROXY, minute, minute).values()[0];
        assertThat(cell.get(2).asDouble()).isEqualTo(Double.parseDouble(Float.toString((float) exact)));
        assertThat(json.at("/visualMap/max").asDouble()).isEqualTo(100.0);
        assertThat(json.at("/tooltip/formatter").asText()).isEqualTo("@heatmapCell");
        assertThat(json.at("/tooltip/valueSuffix").asText()).isEqualTo(" %");
        assertThat(json.at("/tooltip/valueDecimals").isMissingNode()).as("exact values, not rounded").isTrue();
    }

    @Test
    void switching_region_shows_that_regions_stamps() {
        FleetView view = open("dave");
        view.toolbar.region.setValue("westeurope");
        UI.getCurrent().navigate(FleetView.class, com.vaadin.flow.router.QueryParameters.of("region", "westeurope"));
        FleetView after = _get(FleetView.class);
        assertThat(GridKt._size(after.table)).isEqualTo(3);
        assertThat(GridKt._get(after.table, 0).stamp().region()).isEqualTo("westeurope");
    }

    @Test
    void unknown_region_says_so() {
        login("dave");
        UI.getCurrent().navigate(FleetView.class, com.vaadin.flow.router.QueryParameters.of("region", "atlantis"));
        FleetView view = _get(FleetView.class);
        assertThat(GridKt._size(view.table)).isZero();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText(
                "Region 'atlantis' is not known. Pick one above.")).isVisible()).isTrue();
    }

    @Test
    void polling_refreshes_when_the_clock_moves_and_detaching_stops_it() {
        FleetView view = open("dave");
        String before = view.asOf.getText();
        simulator.advance(3);
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(view.asOf.getText()).isNotEqualTo(before);
        assertThat(ui.getPollInterval()).isEqualTo(FleetView.REFRESH_MS);

        ui.navigate("my-registries"); // any other route detaches the dashboard
        MockVaadin.clientRoundtrip();
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    /** Nearest-rank P95 from the hot-node minute values, computed here rather than by the engine. */
    private double independentP95(String stamp, PoolKind pool) {
        double[] values = signals.hotNodeSeries(stamp, pool, null, null).values().clone();
        Arrays.sort(values);
        return values[(int) Math.ceil(0.95 * values.length) - 1];
    }
}
