package dev.stampboard.score.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.score.engine.Contribution;
import dev.stampboard.score.engine.ScoreFeature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stamp detail's score charts, without a container. */
class StampScoreChartsTest {

    private static String json(ChartOption option) throws Exception {
        return new ObjectMapper().writeValueAsString(option);
    }

    @Test
    void a_value_that_rounds_to_zero_shows_without_a_minus_sign() throws Exception {
        String breakdown = json(StampScoreSection.breakdownChart(List.of(
                new Contribution(ScoreFeature.THROTTLING, -1e-17, 0.0),
                new Contribution(ScoreFeature.ERRORS, -0.004, 0.0),
                new Contribution(ScoreFeature.GROWTH, -0.006, -0.1),
                new Contribution(ScoreFeature.P95_DATAPROXY, 96.125, 1.2),
                new Contribution(ScoreFeature.REACTIVE_MINUTES, -0.3, 0.0))));
        assertThat(breakdown)
                .contains("throttling rate (0.00 %)")
                .contains("5xx rate (0.00 %)")
                // a value that does not round to zero keeps its sign, and the rounding is unchanged
                .contains("growth trend (day over day) (-0.01 %)")
                .contains("hot-node P95 dataproxy (96.13 %)")
                .contains("reactive trigger sustained (0 min)")
                .doesNotContain("-0.00")
                .doesNotContain("(-0 min)");
    }
}
