package dev.stampboard.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 6: hottest-first neighbours changing places every minute must not redraw the heatmap's rows. */
class HeatmapOrderTest {

    private final HeatmapOrder order = new HeatmapOrder();

    @Test
    void a_refresh_that_only_reorders_keeps_the_rows_until_the_order_is_five_minutes_old() {
        assertThat(order.rows(List.of("a", "b", "c"), 100, true)).containsExactly("a", "b", "c");
        assertThat(order.rows(List.of("b", "a", "c"), 101, false)).containsExactly("a", "b", "c");
        assertThat(order.rows(List.of("c", "b", "a"), 104, false)).containsExactly("a", "b", "c");
        assertThat(order.rows(List.of("c", "b", "a"), 105, false)).containsExactly("c", "b", "a");
        assertThat(order.rows(List.of("a", "b", "c"), 106, false)).containsExactly("c", "b", "a");
    }

    @Test
    void a_new_selection_or_a_stamp_that_joined_or_left_takes_the_live_order_at_once() {
        order.rows(List.of("a", "b", "c"), 100, true);
        assertThat(order.rows(List.of("b", "a", "c"), 100, true)).containsExactly("b", "a", "c");
        assertThat(order.rows(List.of("d", "b", "a", "c"), 101, false)).containsExactly("d", "b", "a", "c");
        assertThat(order.rows(List.of("b", "a", "c"), 101, false)).containsExactly("b", "a", "c");
        assertThat(order.rows(List.of("b", "a", "x"), 101, false)).containsExactly("b", "a", "x");
    }

    @Test
    void a_clock_that_went_back_takes_the_live_order() {
        order.rows(List.of("a", "b"), 100, true);
        assertThat(order.rows(List.of("b", "a"), 90, false)).containsExactly("b", "a");
    }
}
