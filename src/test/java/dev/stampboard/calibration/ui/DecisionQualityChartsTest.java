package dev.stampboard.calibration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.calibration.CalibrationReport.Point;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibrated series says what it was measured on: a held-out plan, or the outcomes it was fitted from. */
class DecisionQualityChartsTest {

    private static final List<Point> ONE_PLAN = List.of(
            new Point("p1", 1, "a.azurecr.io", "eus-s03", "DATAPROXY", false, 40, 30, 33, 32.0, Instant.EPOCH),
            new Point("p1", 1, "a.azurecr.io", "eus-s05", "DATAPROXY", true, 20, 28, 26, 27.0, Instant.EPOCH));

    private static String json(dev.stampboard.base.ui.chart.ChartOption option) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(option);
    }

    @Test
    void in_sample_the_legends_say_in_sample_and_never_held_out() throws Exception {
        String histogram = json(DecisionQualityCharts.histogram(ONE_PLAN, false));
        String overTime = json(DecisionQualityCharts.overTime(ONE_PLAN, false));
        assertThat(histogram).contains("calibrated (in sample)").doesNotContain("held out");
        assertThat(overTime).contains("calibrated (in sample)").doesNotContain("held out");
    }

    @Test
    void out_of_sample_the_legends_say_held_out() throws Exception {
        String histogram = json(DecisionQualityCharts.histogram(ONE_PLAN, true));
        String overTime = json(DecisionQualityCharts.overTime(ONE_PLAN, true));
        assertThat(histogram).contains("calibrated (held out)").doesNotContain("in sample");
        assertThat(overTime).contains("calibrated (held out)").doesNotContain("in sample");
    }
}
