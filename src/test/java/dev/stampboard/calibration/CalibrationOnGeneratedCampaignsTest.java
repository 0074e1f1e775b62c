package dev.stampboard.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.calibration.engine.PredictionError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 5: calibration lowers out-of-sample error on a set of generated campaigns. Each campaign runs in the
 * world on its own generated fleet; campaign k is predicted by the planner once as it is and once with the
 * calibration fitted on campaigns 0..k−1 (and k's own history before it starts), and both are judged against what
 * the world measured a day later. The seeds were not used while the calibration was built (CalibrationBenchmark
 * reports them beside the others).
 */
class CalibrationOnGeneratedCampaignsTest {

    @Test
    void calibration_lowers_out_of_sample_error_on_generated_campaigns() {
        List<GeneratedCampaigns.Campaign> campaigns = new ArrayList<>();
        for (long seed = 9; seed < 15; seed++) {
            campaigns.add(GeneratedCampaigns.run(seed * 7919));
        }
        double uncalibrated = 0;
        double calibrated = 0;
        int pools = 0;
        for (int k = 1; k < campaigns.size(); k++) {
            PredictionError[] e = GeneratedCampaigns.evaluate(campaigns, k);
            uncalibrated += e[0].meanAbsErrorPp() * e[0].outcomes();
            calibrated += e[1].meanAbsErrorPp() * e[1].outcomes();
            pools += e[0].outcomes();
        }
        assertThat(pools).as("pools judged out of sample").isGreaterThanOrEqualTo(20);
        // the world disagrees with the planner (else there would be nothing to learn) ...
        assertThat(uncalibrated / pools).as("uncalibrated MAE (pp)").isGreaterThan(1.0);
        // ... and the calibrated planner disagrees less, on campaigns it was not fitted on
        assertThat(calibrated / pools).as("calibrated MAE (pp)").isLessThan(uncalibrated / pools);
    }
}
