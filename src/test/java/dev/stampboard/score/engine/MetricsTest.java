package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void auc_counts_pairs_ordered_right_and_ties_as_half() {
        float[] scores = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f};
        byte[] labels = {0, 0, 1, 1, 1};
        // positives 0.35, 0.8, 0.4 against negatives 0.1, 0.4:
        // 0.35: >0.1 yes, >0.4 no -> 1; 0.8: 2; 0.4: >0.1 yes, tie with 0.4 -> 1.5; total 4.5 of 6
        assertThat(Metrics.auc(scores, labels, 5)).isCloseTo(4.5 / 6, within(1e-12));
    }

    @Test
    void precision_recall_and_median_lead_time_at_the_operating_point() {
        float[] scores = {10, 80, 90, 20, 75};
        byte[] labels = {0, 1, 0, 1, 1};
        boolean[] alarm = {false, true, true, false, true};
        Metrics m = Metrics.of(scores, labels, alarm, 5, 3, new int[] {120, 30});
        assertThat(m.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.medianLeadMinutes()).isEqualTo(75.0);
        assertThat(m.detected()).isEqualTo(2);
        assertThat(m.roc().get(0)).containsExactly(0, 0);
        assertThat(m.roc().get(m.roc().size() - 1)).containsExactly(1, 1);
    }

    @Test
    void negative_scores_sort_below_positive_ones() {
        float[] scores = {-30f, -1f, 2f, 50f};
        byte[] labels = {0, 0, 1, 1};
        assertThat(Metrics.auc(scores, labels, 4)).isEqualTo(1.0);
    }

    @Test
    void best_recall_at_a_precision_and_best_precision_at_a_recall() {
        // descending: 0.9(1) 0.8(0) 0.7(1) 0.6(1) 0.5(0) 0.4(1); positives 4
        float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f};
        byte[] labels = {1, 0, 1, 1, 0, 1};
        // thresholds: top1 p=1 r=.25; top2 p=.5 r=.25; top3 p=.667 r=.5; top4 p=.75 r=.75; top5 p=.6 r=.75;
        // top6 p=.667 r=1
        double[] at = Metrics.atOperatingPoint(scores, labels, 6, 0.7, 1.0);
        assertThat(at[0]).isCloseTo(0.75, within(1e-12)); // best recall with precision >= 0.7
        assertThat(at[1]).isCloseTo(4 / 6.0, within(1e-12)); // best precision with recall >= 1
    }
}
