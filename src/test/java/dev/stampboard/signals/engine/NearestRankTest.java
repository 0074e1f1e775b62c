package dev.stampboard.signals.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestRankTest {

    @Test
    void nearest_rank_uses_ceil_of_095_n() {
        assertThat(NearestRank.p95Rank(1)).isEqualTo(1);
        assertThat(NearestRank.p95Rank(2)).isEqualTo(2);
        assertThat(NearestRank.p95Rank(19)).isEqualTo(19); // 18.05 -> 19
        assertThat(NearestRank.p95Rank(20)).isEqualTo(19); // exactly 19.0
        assertThat(NearestRank.p95Rank(21)).isEqualTo(20); // 19.95 -> 20
        assertThat(NearestRank.p95Rank(100)).isEqualTo(95);
        assertThat(NearestRank.p95Rank(101)).isEqualTo(96); // 95.95 -> 96
        assertThat(NearestRank.p95Rank(720)).isEqualTo(684); // exactly 684.0
    }

    @Test
    void rank_has_no_value_for_an_empty_set() {
        assertThatThrownBy(() -> NearestRank.p95Rank(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quickselect_agrees_with_sorting_including_many_ties() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(800);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = round % 3 == 0 ? random.nextInt(5) : random.nextFloat() * 100;
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertThat(NearestRank.select(values.clone(), n, k))
                    .as("n=%d k=%d", n, k)
                    .isEqualTo(sorted[k]);
            assertThat(NearestRank.p95ByQuickselect(values.clone(), n)).isEqualTo(sorted[NearestRank.p95Rank(n) - 1]);
        }
    }

    @Test
    void sorted_floats_replace_moves_a_value_up_or_down_and_keeps_order() {
        SortedPercentages window = new SortedPercentages(2);
        for (float v : new float[] {5, 1, 3, 3, 9}) {
            window.insert(v);
        }
        window.replace(1, 7); // 3 3 5 7 9
        window.replace(9, 2); // 2 3 3 5 7
        window.remove(3); // 2 3 5 7
        float[] contents = new float[window.size()];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = window.get(i);
        }
        assertThat(contents).containsExactly(2f, 3f, 5f, 7f);
    }
}
