package dev.stampboard.calibration;

import dev.stampboard.calibration.engine.PredictionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12's measurement: generated campaigns with different seeds, each evaluated out of sample (fitted on the
 * campaigns before it), hot-node P95 prediction error uncalibrated against calibrated. Run by hand:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.stampboard.calibration.CalibrationBenchmark [campaigns [first seed]]};
 * {@code -Dcampaigns.decompose=true} also splits each pool's error into drift and the move's own effect.
 */
public final class CalibrationBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<GeneratedCampaigns.Campaign> campaigns = new ArrayList<>();
        for (long seed = first; seed < first + n; seed++) {
            campaigns.add(GeneratedCampaigns.run(seed * 7919));
        }
        double ua = 0, ub = 0, ca = 0, cb = 0;
        int pools = 0;
        System.out.println(
                "campaign        pools  uncalibrated MAE/bias   calibrated MAE/bias (fitted on the campaigns before)");
        int evaluated = 0;
        for (int k = 1; k < campaigns.size(); k++) {
            if (campaigns.get(k).outcomes().isEmpty()) {
                System.out.printf(
                        "%-14s moved nothing (its sources were already under target)%n",
                        campaigns.get(k).name());
                continue;
            }
            evaluated++;
            PredictionError[] e = GeneratedCampaigns.evaluate(campaigns, k);
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %5d   %6.2f / %+6.2f pp      %6.2f / %+6.2f pp%n",
                    campaigns.get(k).name(),
                    e[0].outcomes(),
                    e[0].meanAbsErrorPp(),
                    e[0].biasPp(),
                    e[1].meanAbsErrorPp(),
                    e[1].biasPp());
            ua += e[0].meanAbsErrorPp() * e[0].outcomes();
            ub += e[0].biasPp() * e[0].outcomes();
            ca += e[1].meanAbsErrorPp() * e[1].outcomes();
            cb += e[1].biasPp() * e[1].outcomes();
            pools += e[0].outcomes();
        }
        if (Boolean.getBoolean("campaigns.decompose")) {
            decompose(campaigns);
        }
        System.out.printf(
                Locale.ROOT,
                "all %d evaluated campaigns, %d pools: uncalibrated MAE %.2f pp bias %+.2f pp; calibrated MAE %.2f pp bias %+.2f pp%n",
                evaluated,
                pools,
                ua / pools,
                ub / pools,
                ca / pools,
                cb / pools);
    }

    /**
     * Splits each pool's error (measured − predicted) into the drift the pool would have made with nothing moved
     * (unmoved − before: growth, weekday, noise) and the error in the move's own effect ((measured − unmoved) −
     * (predicted − before)), which is all the prediction model can be blamed for.
     */
    static void decompose(List<GeneratedCampaigns.Campaign> campaigns) {
        System.out.println(
                "pool                              side  before   pred   meas unmoved | drift  moveErr | cal.pred cal.moveErr");
        double drift = 0, move = 0, calMove = 0, err = 0, calErr = 0;
        int n = 0;
        double[][] side = new double[2][3];
        for (int k = 1; k < campaigns.size(); k++) {
            GeneratedCampaigns.Campaign c = campaigns.get(k);
            if (c.outcomes().isEmpty()) {
                continue;
            }
            List<dev.stampboard.calibration.engine.PoolHistory> histories = new ArrayList<>(c.histories());
            List<dev.stampboard.calibration.engine.MoveOutcome> train = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                train.addAll(campaigns.get(i).outcomes());
                histories.addAll(campaigns.get(i).histories());
            }
            var fitted = dev.stampboard.calibration.engine.CalibrationFitter.fit(
                    train, histories, GeneratedCampaigns.PLANNER_BASELINE);
            var again = GeneratedCampaigns.predictAgain(c, fitted);
            java.util.Map<String, dev.stampboard.calibration.engine.MoveOutcome> byPool = new java.util.HashMap<>();
            again.forEach(a -> byPool.put(a.stamp() + "/" + a.pool(), a));
            for (var o : c.outcomes()) {
                var a = byPool.get(o.stamp() + "/" + o.pool());
                if (a == null) {
                    System.out.println(o.stamp() + "/" + o.pool() + " not predicted again");
                    continue;
                }
                String key = o.stamp().substring(o.stamp().indexOf('/') + 1) + "/"
                        + o.pool().name();
                double u = c.unmoved().get(key);
                double d = u - o.before();
                double m = (o.measured() - u) - (o.predicted() - o.before());
                double cm = (o.measured() - u) - (a.predicted() - a.before());
                System.out.printf(
                        Locale.ROOT,
                        "%-33s %-5s %6.1f %6.1f %6.1f %6.1f | %+5.1f %+7.1f | %7.1f %+7.1f%s%n",
                        o.stamp() + "/" + o.pool(),
                        o.destination() ? "dest" : "src",
                        o.before(),
                        o.predicted(),
                        o.measured(),
                        u,
                        d,
                        m,
                        a.predicted(),
                        cm,
                        a.before() != o.before() ? " (before " + a.before() + ")" : "");
                side[o.destination() ? 1 : 0][0] += Math.abs(o.errorPp());
                side[o.destination() ? 1 : 0][1] += Math.abs(a.errorPp());
                side[o.destination() ? 1 : 0][2]++;
                drift += Math.abs(d);
                move += Math.abs(m);
                calMove += Math.abs(cm);
                err += Math.abs(o.errorPp());
                calErr += Math.abs(a.errorPp());
                n++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d pools: MAE %.2f (calibrated %.2f); |drift| %.2f; |move-effect error| %.2f (calibrated %.2f)%n",
                n,
                err / n,
                calErr / n,
                drift / n,
                move / n,
                calMove / n);
        System.out.printf(
                Locale.ROOT,
                "sources (%d): MAE %.2f, calibrated %.2f; destinations (%d): MAE %.2f, calibrated %.2f%n",
                (int) side[0][2],
                side[0][0] / side[0][2],
                side[0][1] / side[0][2],
                (int) side[1][2],
                side[1][0] / side[1][2],
                side[1][1] / side[1][2]);
    }
}
