package dev.stampboard.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stampboard.calibration.engine.PredictionError;

/**
 * Issue 12's measurement: generated campaigns with different seeds, each evaluated out of sample (fitted on the
 * campaigns before it), hot-node P95 prediction error uncalibrated against calibrated. Run by hand:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.stampboard.calibration.CalibrationBenchmark [campaigns]}.
 */
public final class CalibrationBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        List<GeneratedCampaigns.Campaign> campaigns = new ArrayList<>();
        for (long seed = 1; seed <= n; seed++) {
            campaigns.add(GeneratedCampaigns.run(seed * 7919));
        }
        double ua = 0, ub = 0, ca = 0, cb = 0;
        int pools = 0;
        System.out.println("campaign        pools  uncalibrated MAE/bias   calibrated MAE/bias (fitted on the campaigns before)");
        int evaluated = 0;
        for (int k = 1; k < campaigns.size(); k++) {
            if (campaigns.get(k).outcomes().isEmpty()) {
                System.out.printf("%-14s moved nothing (its sources were already under target)%n", campaigns.get(k).name());
                continue;
            }
            evaluated++;
            PredictionError[] e = GeneratedCampaigns.evaluate(campaigns, k);
            System.out.printf(Locale.ROOT, "%-14s %5d   %6.2f / %+6.2f pp      %6.2f / %+6.2f pp%n", campaigns.get(k).name(),
                    e[0].outcomes(), e[0].meanAbsErrorPp(), e[0].biasPp(), e[1].meanAbsErrorPp(), e[1].biasPp());
            ua += e[0].meanAbsErrorPp() * e[0].outcomes();
            ub += e[0].biasPp() * e[0].outcomes();
            ca += e[1].meanAbsErrorPp() * e[1].outcomes();
            cb += e[1].biasPp() * e[1].outcomes();
            pools += e[0].outcomes();
        }
        System.out.printf(Locale.ROOT, "all %d evaluated campaigns, %d pools: uncalibrated MAE %.2f pp bias %+.2f pp; calibrated MAE %.2f pp bias %+.2f pp%n",
                evaluated, pools, ua / pools, ub / pools, ca / pools, cb / pools);
    }
}
