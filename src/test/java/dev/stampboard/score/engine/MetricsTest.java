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

    @Test
    void the_operating_score_is_the_lowest_whose_precision_reaches_the_baselines() {
        // descending: 90(1) 80(0) 70(1) 60(0) 50(0) 40(1) 30(0) 20(0); 3 incidents ahead, 5 calm rows
        float[] scores = {90, 80, 70, 60, 50, 40, 30, 20};
        byte[] labels = {1, 0, 1, 0, 0, 1, 0, 0};
        // AUC by hand: 90 ranks above all 5 calm rows, 70 above 4 (60, 50, 30, 20), 40 above 2 (30, 20): 11 of 15
        assertThat(Metrics.auc(scores, labels, 8)).isCloseTo(11 / 15.0, within(1e-12));
        // precision of "score >= t", from the top: 1/1, 1/2, 2/3, 2/4, 2/5, 3/6, 3/7, 3/8
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 8, 0.4)).isEqualTo(30.0); // 3/7 = 0.43
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 8, 0.45))
                .isEqualTo(40.0); // 3/6
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 8, 0.9)).isEqualTo(90.0); // 1/1
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 8, 1.01))
                .isNaN();
        // at 30: 7 alarms, 3 of them right; all 3 incidents ahead caught
        boolean[] alarm = new boolean[8];
        for (int i = 0; i < 8; i++) {
            alarm[i] = scores[i] >= 30;
        }
        Metrics at30 = Metrics.of(scores, labels, alarm, 8, 0, new int[0]);
        assertThat(at30.precision()).isCloseTo(3 / 7.0, within(1e-12));
        assertThat(at30.recall()).isEqualTo(1.0);
        assertThat(at30.auc()).isCloseTo(11 / 15.0, within(1e-12));
    }

    @Test
    void tied_scores_are_never_split_by_the_operating_score() {
        // 50 twice: one incident ahead, one calm; above them 60 (calm)
        float[] scores = {60, 50, 50, 10};
        byte[] labels = {0, 1, 0, 1};
        // from the top: 0/1, then both 50s together 1/3, then 2/4
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 4, 0.3)).isEqualTo(10.0);
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 4, 0.34))
                .isEqualTo(10.0); // 2/4 = 0.5
        assertThat(Metrics.lowestThresholdWithPrecision(scores, labels, 4, 0.6)).isNaN();
    }
}
