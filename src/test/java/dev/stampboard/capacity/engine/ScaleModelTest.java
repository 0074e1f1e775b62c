package dev.stampboard.capacity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScaleModelTest {

    /** 720 minutes all at {@code value}. */
    static float[] flat(float value) {
        float[] v = new float[720];
        Arrays.fill(v, value);
        return v;
    }

    @Test
    void the_same_load_over_fewer_nodes_raises_the_hot_node_by_their_ratio() {
        // b + (hot − b) · n / n' = 6 + (23 − 6) · 20 / 12 = 34.333…
        PoolWindow w = new PoolWindow("eus-s01", PoolKind.DATAPROXY, 20, 12, 6.0, flat(23f));
        assertThat(ScaleModel.predictedP95(w, 12, 0)).isCloseTo(6 + 17.0 * 20 / 12, within(1e-4));
    }

    @Test
    void lowest_count_is_the_first_at_or_below_the_limit() {
        // 6 + 17 · 20 / n ≤ 35  ⇔  n ≥ 340 / 29 = 11.72  →  12; 11 nodes would read 6 + 340/11 = 36.9
        PoolWindow w = new PoolWindow("eus-s01", PoolKind.DATAPROXY, 20, 12, 6.0, flat(23f));
        assertThat(ScaleModel.lowestCount(w, 35, 0, 2)).isEqualTo(12);
        assertThat(ScaleModel.predictedP95(w, 11, 0)).isGreaterThan(35);
    }

    @Test
    void the_p95_of_the_window_decides_not_its_mean() {
        // minutes 1..100 %, each 7.2 times: nearest-rank P95 of 720 values is rank 684 = value 95
        float[] v = new float[720];
        for (int i = 0; i < 720; i++) {
            v[i] = 1 + i / 7.2f >= 100 ? 100 : (float) Math.floor(1 + i / 7.2);
        }
        PoolWindow w = new PoolWindow("s", PoolKind.REGISTRY, 10, 5, 5.0, v);
        assertThat(ScaleModel.predictedP95(w, 10, 0)).isEqualTo(95.0);
        // 5 + 90 · 10 / n ≤ 35 ⇔ n ≥ 30
        assertThat(ScaleModel.lowestCount(w, 35, 0, 2)).isEqualTo(30);
    }

    @Test
    void growth_adds_load_at_todays_count_and_is_spread_too() {
        // (23 − 6 + 3) · 20 / n + 6 ≤ 35  ⇔  n ≥ 400 / 29 = 13.8 → 14
        PoolWindow w = new PoolWindow("s", PoolKind.DATAPROXY, 20, 12, 6.0, flat(23f));
        assertThat(ScaleModel.lowestCount(w, 35, 3, 2)).isEqualTo(14);
        assertThat(ScaleModel.predictedP95(w, 14, 3)).isCloseTo(6 + 20.0 * 20 / 14, within(1e-4));
    }

    @Test
    void never_below_the_floor_and_missing_minutes_are_skipped() {
        float[] v = flat(8f);
        v[3] = Float.NaN;
        PoolWindow w = new PoolWindow("s", PoolKind.REGISTRY, 14, 9, 7.0, v);
        assertThat(ScaleModel.lowestCount(w, 35, 0, 2)).isEqualTo(2);
        assertThat(ScaleModel.spread(w, 2)[3]).isNaN();
        assertThat(ScaleModel.predictedP95(
                        new PoolWindow("s", PoolKind.REGISTRY, 3, 1, 7, new float[] {Float.NaN}), 2, 0))
                .isNaN();
    }

    @Test
    void a_spread_never_reads_above_100() {
        PoolWindow w = new PoolWindow("s", PoolKind.REGISTRY, 10, 5, 5.0, flat(80f));
        assertThat(ScaleModel.predictedP95(w, 2, 0)).isEqualTo(100.0);
    }
}
