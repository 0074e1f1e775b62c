package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.ScenarioRegistry;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.simulator.model.StampLayout;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard showed a score of 0 for the seed's HOT stamp A (eus-s01, DESIGN §10: its dataproxy near 96 % hot-node
 * P95), also in the quiet night hours before its daily incidents. The score is the probability (0–100) of an incident
 * within 6 h, so the expected figure is how often eus-s01 really has one ahead in the seed world: counted here from the
 * world's breach minutes by a brute force of the definition (in most minutes of 15, p99 above 1,500 ms or throttling
 * above 1 %), not by {@link IncidentRule}. A model trained only on other, generated worlds must score eus-s01 near
 * that frequency and the seed's calm stamps near 0.
 */
class SeedWorldScoreTest {

    private static final int WARMUP = 720;
    private static final int SCORED = 720; // 05:00–17:00 UTC: the quiet hours (the screenshot's 06:05) and the peak
    private static final int HORIZON = 360;
    private static final long FROM = Instant.parse("2026-12-01T17:00:00Z").getEpochSecond() / 60;

    @Test
    void the_seed_hot_stamp_scores_near_how_often_an_incident_follows_and_calm_stamps_near_zero() {
        ScoreModel model = ScoreTrainer.fit(
                List.of(SimulatedHistory.simulate(
                        new SimulatedHistory.World(8, 1, 3), FeatureSettings.DEFAULTS, IncidentRule.DEFAULTS, 5)),
                ScoreTrainer.Options.DEFAULTS);

        Scenario seed = Scenarios.seed();
        FleetTrafficModel world = new FleetTrafficModel(seed, 20261126L);
        FleetLayout layout = seed.initialLayout();
        List<String> stamps = layout.stamps().stream().map(StampLayout::name).toList();
        Map<String, String> customers = new HashMap<>();
        for (ScenarioRegistry r : seed.registries()) {
            customers.put(r.name(), r.customer());
        }
        WorldMinutes minutes = new WorldMinutes(stamps, customers);
        int n = stamps.size();
        int total = WARMUP + SCORED + HORIZON;
        boolean[][] breach = new boolean[n][total];
        double[][] score = new double[n][SCORED];
        double[] p95Dataproxy = new double[n];
        FeatureTracker[] trackers = new FeatureTracker[n];
        for (int s = 0; s < n; s++) {
            trackers[s] = new FeatureTracker(FeatureSettings.DEFAULTS);
        }
        double[] features = new double[ScoreFeature.COUNT];
        for (int t = 0; t < total; t++) {
            StampMinute[] observed = minutes.of(world.minute(FROM + t, layout));
            for (int s = 0; s < n; s++) {
                StampMinute m = observed[s];
                breach[s][t] = m.p99Ms() > 1500 || 100 * m.throttlingRate() > 1.0; // NaN compares false
                trackers[s].observe(m);
                if (t >= WARMUP && t < WARMUP + SCORED) {
                    trackers[s].features(features);
                    score[s][t - WARMUP] = model.score(features);
                    p95Dataproxy[s] = features[ScoreFeature.P95_DATAPROXY.ordinal()];
                }
            }
        }

        int a = stamps.indexOf(Scenarios.STAMP_A);
        assertThat(p95Dataproxy[a])
                .as("DESIGN §10: stamp A's dataproxy near 96 %")
                .isGreaterThan(90);
        double ahead = shareWithIncidentAhead(breach[a]);
        assertThat(ahead).as("eus-s01's minutes with an incident within 6 h").isGreaterThan(0.8);
        assertThat(mean(score[a], 0, SCORED))
                .as("eus-s01's mean score; an incident follows in %.0f %% of the minutes", 100 * ahead)
                .isGreaterThan(100 * ahead - 30);
        assertThat(mean(score[a], 0, 360))
                .as("eus-s01 in the quiet hours 05–11 UTC")
                .isGreaterThan(50);
        for (int s = 0; s < n; s++) {
            if (s != a) {
                assertThat(shareWithIncidentAhead(breach[s])).as(stamps.get(s)).isZero();
                assertThat(mean(score[s], 0, SCORED)).as(stamps.get(s)).isLessThan(5);
            }
        }
    }

    /** Of the scored minutes not in an incident, the share with an incident minute within the next 6 h. */
    private static double shareWithIncidentAhead(boolean[] breach) {
        boolean[] incident = new boolean[breach.length];
        for (int end = 14; end < breach.length; end++) {
            int first = -1;
            int last = -1;
            int count = 0;
            for (int t = end - 14; t <= end; t++) {
                if (breach[t]) {
                    count++;
                    last = t;
                    if (first < 0) {
                        first = t;
                    }
                }
            }
            if (count >= 8) {
                for (int t = first; t <= last; t++) {
                    incident[t] = true;
                }
            }
        }
        int usable = 0;
        int ahead = 0;
        for (int t = WARMUP; t < WARMUP + SCORED; t++) {
            if (incident[t]) {
                continue;
            }
            usable++;
            for (int u = t + 1; u <= t + HORIZON; u++) {
                if (incident[u]) {
                    ahead++;
                    break;
                }
            }
        }
        return usable == 0 ? 0 : (double) ahead / usable;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
