package dev.stampboard.capacity.engine;

import static dev.stampboard.capacity.engine.ScaleModelTest.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityAdvisorTest {

    /** threshold 45, margin 5, headroom 5 → limit 35; floor 2; scale out when HOT within 14 days. */
    static final CapacitySettings SETTINGS = new CapacitySettings(45, 5, 5, 2, 14);

    static GrowthForecast.Forecast trend(double start, double perDay) {
        List<DailyPeak> days = new ArrayList<>();
        LocalDate origin = LocalDate.parse("2026-10-19");
        for (int t = 0; t < 42; t++) {
            days.add(new DailyPeak(origin.plusDays(t), start + perDay * t, 10));
        }
        return GrowthForecast.fit(days, origin.plusDays(42), 28, 45, 0.9);
    }

    @Test
    void a_relieved_pool_is_scaled_in_to_the_lowest_count_under_the_limit_and_its_minimum_follows() {
        // seed figures: stamp A's dataproxy after the campaign, 23 % on 20 nodes (minimum 12), b = 6
        PoolWindow w = new PoolWindow("eus-s01", PoolKind.DATAPROXY, 20, 12, 6, flat(23f));
        PoolAdvice a = CapacityAdvisor.advise(w, SETTINGS, trend(60, -1));
        assertThat(a.kind()).isEqualTo(PoolAdvice.Kind.SCALE_IN);
        assertThat(a.recommendedNodes()).isEqualTo(12); // ceil(20 · 17 / 29)
        assertThat(a.recommendedMinimum()).isEqualTo(12);
        assertThat(a.predictedP95()).isCloseTo(6 + 17.0 * 20 / 12, within(1e-4));
        assertThat(a.growthPp()).isZero();
        assertThat(a.evidence()).anySatisfy(line -> assertThat(line).contains("limit 35.0 %"));
    }

    @Test
    void a_hot_pool_is_left_to_the_planner() {
        PoolWindow w = new PoolWindow("eus-s01", PoolKind.DATAPROXY, 20, 12, 6, flat(95f));
        PoolAdvice a = CapacityAdvisor.advise(w, SETTINGS, null);
        assertThat(a.kind()).isEqualTo(PoolAdvice.Kind.KEEP);
        assertThat(a.daysUntilHot()).isZero();
        assertThat(a.reason()).contains("rebalance first");
    }

    @Test
    void a_pool_forecast_hot_within_the_horizon_is_scaled_out_for_its_growth() {
        // 38 % now, trend +0.75 pp/day: HOT (> 45) in 10 days; growth over 14 days 10.5 pp
        // needed: 7 + (38 − 7 + 10.5) · 10 / n ≤ 35 ⇔ n ≥ 415 / 28 = 14.8 → 15
        PoolWindow w = new PoolWindow("s", PoolKind.REGISTRY, 10, 8, 7, flat(38f));
        GrowthForecast.Forecast f = trend(38 - 0.75 * 42, 0.75);
        assertThat(f.daysUntilHot()).isEqualTo(10);
        PoolAdvice a = CapacityAdvisor.advise(w, SETTINGS, f);
        assertThat(a.kind()).isEqualTo(PoolAdvice.Kind.SCALE_OUT);
        assertThat(a.growthPp()).isCloseTo(10.5, within(1e-9));
        assertThat(a.recommendedNodes()).isEqualTo(15);
        assertThat(a.recommendedMinimum()).isEqualTo(8);
        assertThat(a.nodeChange()).isEqualTo(5);
    }

    @Test
    void a_warm_pool_that_is_not_growing_is_kept() {
        PoolWindow w = new PoolWindow("s", PoolKind.REGISTRY, 10, 8, 7, flat(40f));
        assertThat(CapacityAdvisor.advise(w, SETTINGS, trend(40, 0)).kind()).isEqualTo(PoolAdvice.Kind.KEEP);
        assertThat(CapacityAdvisor.advise(
                        new PoolWindow("s", PoolKind.REGISTRY, 0, 0, 7, new float[0]), SETTINGS, null))
                .isNull();
    }
}
