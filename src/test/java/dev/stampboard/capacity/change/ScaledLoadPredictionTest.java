package dev.stampboard.capacity.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaledLoadPredictionTest {

    @Test
    void the_same_load_over_fewer_nodes_reads_hotter_by_the_node_ratio_above_the_baseline() {
        // 20 minutes at 10, 11, …, 29 %; P95 (nearest rank 19 of 20) is 28 %. Over 16 → 12 nodes with b = 6:
        // 6 + (28 − 6) · 16 / 12 = 35.333… (worked by hand; the rank does not change, the map is monotonic)
        float[] minutes = new float[20];
        for (int i = 0; i < 20; i++) {
            minutes[i] = 10 + i;
        }
        assertThat(ScaledLoadPrediction.p95(minutes, 6, 16, 12)).isCloseTo(35.333, within(0.001));
    }

    @Test
    void missing_minutes_are_skipped_and_the_prediction_is_capped_at_100() {
        float[] minutes = {Float.NaN, 90, Float.NaN};
        assertThat(ScaledLoadPrediction.p95(minutes, 6, 10, 5)).isEqualTo(100.0);
        assertThat(ScaledLoadPrediction.p95(new float[] {Float.NaN}, 6, 10, 5)).isNaN();
    }
}
