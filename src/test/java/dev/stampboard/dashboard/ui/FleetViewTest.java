package dev.stampboard.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import dev.stampboard.KaribuTest;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;

class FleetViewTest extends KaribuTest {

    @Autowired
    SignalsService signals;

    @Test
    void lists_every_stamp_of_the_seed_region_with_the_engines_p95() {
        login("dave");
        UI.getCurrent().navigate(FleetView.class);
        @SuppressWarnings("unchecked")
        Grid<StampSignals> grid = _get(Grid.class, spec -> spec.withId("stamps-eastus"));
        assertThat(GridKt._size(grid)).isEqualTo(signals.stampSignalsIn("eastus").size()).isGreaterThanOrEqualTo(5);

        for (int row = 0; row < GridKt._size(grid); row++) {
            StampSignals item = GridKt._get(grid, row);
            String stamp = item.stamp().name();
            for (PoolKind pool : PoolKind.values()) {
                double expected = independentP95(stamp, pool);
                String shown = ((PoolBadge) GridKt._getCellComponent(grid, row, pool.name())).getText();
                assertThat(shown).as("%s %s", stamp, pool).isEqualTo(String.format(Locale.ROOT, "%.1f %%", expected));
            }
        }
    }

    @Test
    void seed_stamp_a_dataproxy_is_shown_hot() {
        login("alice");
        UI.getCurrent().navigate(FleetView.class);
        @SuppressWarnings("unchecked")
        Grid<StampSignals> grid = _get(Grid.class, spec -> spec.withId("stamps-eastus"));
        int rowA = rowOf(grid, "eus-s01");
        PoolBadge badge = (PoolBadge) GridKt._getCellComponent(grid, rowA, PoolKind.DATAPROXY.name());
        assertThat(badge.getElement().getAttribute("data-state")).isEqualTo("HOT");
        assertThat(badge.getElement().getThemeList()).contains("error");
    }

    private static int rowOf(Grid<StampSignals> grid, String stamp) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).stamp().name().equals(stamp)) {
                return i;
            }
        }
        throw new AssertionError("stamp " + stamp + " not in grid");
    }

    /** Nearest-rank P95 from the hot-node minute values, computed here rather than by the engine. */
    private double independentP95(String stamp, PoolKind pool) {
        double[] values = signals.hotNodeSeries(stamp, pool, null, null).values().clone();
        Arrays.sort(values);
        int rank = (int) Math.ceil(0.95 * values.length);
        return values[rank - 1];
    }
}
