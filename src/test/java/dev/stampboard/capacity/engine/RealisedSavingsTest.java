package dev.stampboard.capacity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Realised savings from completed changes, worked out by hand: a dataproxy node at 0.768 USD an hour costs
 * 0.768 · 730 = 560.64 USD a month, a registry node at 0.384 USD 280.32 USD.
 */
class RealisedSavingsTest {

    static final LocalDate D1 = LocalDate.parse("2026-11-20");

    /** eus-s01 dataproxy 20 → 14 (6 nodes), completed on the 22nd; eus-s02 registry 14 → 10 (4 nodes) on the 25th. */
    static final List<RealisedSavings.Completed> CHANGES = List.of(
            new RealisedSavings.Completed("eus-s01", "DATAPROXY", 20, 14, LocalDate.parse("2026-11-22"), 560.64),
            new RealisedSavings.Completed("eus-s02", "REGISTRY", 14, 10, LocalDate.parse("2026-11-25"), 280.32),
            // a scale-out (a dedicated stamp grown) saves nothing and costs nothing here
            new RealisedSavings.Completed("ded-x", "REGISTRY", 4, 30, LocalDate.parse("2026-11-23"), 280.32));

    @Test
    void the_realised_saving_is_the_nodes_given_back_times_their_price() {
        // 6 · 560.64 + 4 · 280.32 = 3,363.84 + 1,121.28
        assertThat(RealisedSavings.monthly(CHANGES)).isCloseTo(4485.12, within(1e-9));
        assertThat(RealisedSavings.monthly(List.of())).isZero();
    }

    @Test
    void over_time_each_day_carries_the_changes_completed_on_or_before_it() {
        List<RealisedSavings.Point> points = RealisedSavings.overTime(CHANGES, D1, LocalDate.parse("2026-11-26"));
        assertThat(points)
                .extracting(RealisedSavings.Point::day)
                .containsExactly(
                        LocalDate.parse("2026-11-20"),
                        LocalDate.parse("2026-11-21"),
                        LocalDate.parse("2026-11-22"),
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2026-11-24"),
                        LocalDate.parse("2026-11-25"),
                        LocalDate.parse("2026-11-26"));
        double[] expected = {0, 0, 3363.84, 3363.84, 3363.84, 4485.12, 4485.12};
        for (int i = 0; i < expected.length; i++) {
            assertThat(points.get(i).monthly())
                    .as(points.get(i).day().toString())
                    .isCloseTo(expected[i], within(1e-9));
        }
    }

    @Test
    void a_change_completed_before_the_window_counts_from_its_first_day() {
        var old = new RealisedSavings.Completed("weu-s01", "REGISTRY", 12, 11, LocalDate.parse("2026-10-01"), 300);
        List<RealisedSavings.Point> points = RealisedSavings.overTime(List.of(old), D1, D1.plusDays(1));
        assertThat(points).extracting(RealisedSavings.Point::monthly).containsExactly(300.0, 300.0);
        assertThat(RealisedSavings.overTime(List.of(old), D1, D1)).hasSize(1);
    }
}
