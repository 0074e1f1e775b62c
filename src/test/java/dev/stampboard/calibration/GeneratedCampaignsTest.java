package dev.stampboard.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stampboard.calibration.engine.PredictionError;

/**
 * Issue 12: on campaigns generated in the world with different seeds, a calibration fitted on the earlier campaigns
 * predicts the next one better than the planner's uncalibrated model (the full measurement is
 * {@link CalibrationBenchmark}).
 */
class GeneratedCampaignsTest {

    @Test
    void calibration_lowers_the_out_of_sample_error() {
        List<GeneratedCampaigns.Campaign> campaigns = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            campaigns.add(GeneratedCampaigns.run(seed * 7919));
        }
        assertThat(campaigns).allSatisfy(c -> assertThat(c.outcomes()).as(c.name()).isNotEmpty());
        double uncalibrated = 0;
        double calibrated = 0;
        for (int k = 2; k < campaigns.size(); k++) {
            PredictionError[] e = GeneratedCampaigns.evaluate(campaigns, k);
            uncalibrated += e[0].meanAbsErrorPp();
            calibrated += e[1].meanAbsErrorPp();
        }
        assertThat(calibrated).isLessThan(uncalibrated);
    }
}
