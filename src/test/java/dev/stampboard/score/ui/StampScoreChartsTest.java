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

    /** 720 minutes from 2026-11-26 00:00 UTC; a score of 42 from {@code firstScored} on, NaN before. */
    private static List<double[]> trend(int firstScored) {
        long start = java.time.Instant.parse("2026-11-26T00:00:00Z").getEpochSecond() / 60;
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 720; i++) {
            points.add(new double[] {start + i, i < firstScored ? Double.NaN : 42});
        }
        return points;
    }

    @Test
    void the_trend_says_why_the_minutes_before_the_first_model_have_no_score() throws Exception {
        // minute 700 of 720 is 00:00 + 11 h 40 min
        List<double[]> points = trend(700);
        assertThat(StampScoreSection.unscoredNote(points))
                .contains("Scored from 11-26 11:40 UTC: no score model was active before then, so the minutes before"
                        + " have no score.");
        String chart = json(StampScoreSection.trendChart(points, 70));
        long from = java.time.Instant.parse("2026-11-26T00:00:00Z").toEpochMilli();
        long to = java.time.Instant.parse("2026-11-26T11:40:00Z").toEpochMilli();
        assertThat(chart)
                .contains("\"markArea\"")
                .contains("{\"name\":\"no score model active yet\",\"xAxis\":" + from + "},{\"xAxis\":" + to + "}");
    }

    @Test
    void a_trend_scored_in_every_minute_has_no_note_and_one_with_no_score_says_so() throws Exception {
        assertThat(StampScoreSection.unscoredNote(trend(0))).isEmpty();
        assertThat(json(StampScoreSection.trendChart(trend(0), 70))).doesNotContain("markArea");
        assertThat(StampScoreSection.unscoredNote(trend(720)))
                .contains("No score in the last 12 h yet: no score model was active in any of its minutes.");
    }
}
