package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a verdict judges the destination over the whole watched window, not only the trailing peak window at its
 * end, and a fail criterion found sustained during the window fails the move whatever the end looks like.
 */
class VerdictRulesTest {

    private static final double THRESHOLD = 45.0;

    /** Latency and throughput as before the move; the destination at 30 % at the end, as predicted. */
    private static ValidationEvidence calmAtTheEnd(
            List<ValidationEvidence.WindowPool> window, String drain, String sustainedFailure) {
        return new ValidationEvidence(
                100.0,
                102.0,
                1000.0,
                990.0,
                List.of(new MovePrediction("eus-s01", "DATAPROXY", 60.0, 50.0, 51.0)),
                List.of(new MovePrediction("eus-s05", "DATAPROXY", 25.0, 30.0, 30.0)),
                THRESHOLD,
                List.of(),
                window,
                drain,
                sustainedFailure);
    }

    @Test
    void a_calm_end_after_a_calm_window_passes() {
        var judgement = VerdictRules.judge(
                calmAtTheEnd(
                        List.of(new ValidationEvidence.WindowPool("eus-s05", "DATAPROXY", 33.0, 1440, 0)), null, null),
                ValidationCriteria.defaults());
        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.text()).contains("over the whole window (1440 min): hot-node P95 33.0 %");
    }

    @Test
    void a_destination_hot_early_in_the_window_fails_though_the_end_is_calm() {
        // hot for hours in the first half of a 24 h window: the trailing 12 h at the end no longer show it
        var judgement = VerdictRules.judge(
                calmAtTheEnd(
                        List.of(new ValidationEvidence.WindowPool("eus-s05", "DATAPROXY", 52.0, 1440, 180)),
                        null,
                        null),
                ValidationCriteria.defaults());
        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.text()).contains("✗ destination eus-s05 DATAPROXY over the whole window (1440 min)");
    }

    @Test
    void a_sustained_failure_fails_early_and_the_drain_curve_is_part_of_the_evidence() {
        var judgement = VerdictRules.judge(
                calmAtTheEnd(
                        List.of(),
                        "drain: in-flight requests on the source every 5 s: 400 → 0; ended after 30 s",
                        "destination eus-s05 DATAPROXY HOT for 30 min"),
                ValidationCriteria.defaults());
        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.text())
                .contains("✗ failed early: destination eus-s05 DATAPROXY HOT for 30 min")
                .contains("· drain: in-flight requests on the source every 5 s: 400 → 0");
    }
}
