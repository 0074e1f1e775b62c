package dev.stampboard.score.engine;

import dev.stampboard.simulator.model.CustomerRhythm;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.ScenarioRegistry;
import dev.stampboard.simulator.model.StampLayout;
import dev.stampboard.simulator.model.VariedScenarios;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated world run offline (no Spring, no database) for some days, every stamp's minutes fed through a
 * {@link FeatureTracker}: one row of features every {@code every} minutes after a 12 h warm-up, with its target
 * (see {@link IncidentRule#targets}), the baseline rule's score and each incident's start. Rows are floats to keep
 * a month of a region in memory.
 */
public final class SimulatedHistory {

    /** Worlds start when the customers' growth does. */
    public static final long START_MINUTE = CustomerRhythm.GROWTH_FROM.getEpochSecond() / 60;

    /** Minutes before the first row: the P95 window fills. */
    public static final int WARMUP_MINUTES = FeatureTracker.WINDOW;

    /** A simulated region: {@code stamps} stamps of {@link VariedScenarios}, simulator seed {@code seed}. */
    public record World(int stamps, long seed, int days) {
        public World {
            if (stamps < 1 || days < 1) {
                throw new IllegalArgumentException("a world needs at least one stamp and one day");
            }
        }

        Scenario scenario() {
            return VariedScenarios.region("sim" + seed, "America/New_York", stamps, seed);
        }

        public long stampMinutes() {
            return (long) stamps * days * 1440;
        }
    }

    private final World world;
    private final int every;
    private final int rows;
    private final float[][] features;
    private final byte[][] targets;
    private final float[][] baseline;
    private final int[][] incidentStarts;

    private SimulatedHistory(
            World world,
            int every,
            int rows,
            float[][] features,
            byte[][] targets,
            float[][] baseline,
            int[][] starts) {
        this.world = world;
        this.every = every;
        this.rows = rows;
        this.features = features;
        this.targets = targets;
        this.baseline = baseline;
        this.incidentStarts = starts;
    }

    public static SimulatedHistory simulate(World world, FeatureSettings settings, IncidentRule rule, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1 minute");
        }
        Scenario scenario = world.scenario();
        FleetTrafficModel model = new FleetTrafficModel(scenario, world.seed());
        FleetLayout layout = scenario.initialLayout();
        List<String> stamps = layout.stamps().stream().map(StampLayout::name).toList();
        Map<String, String> customers = new HashMap<>();
        for (ScenarioRegistry r : scenario.registries()) {
            customers.put(r.name(), r.customer());
        }
        WorldMinutes minutes = new WorldMinutes(stamps, customers);
        int total = world.days() * 1440;
        int rows = total <= WARMUP_MINUTES ? 0 : (total - WARMUP_MINUTES + every - 1) / every;
        int n = stamps.size();
        int f = ScoreFeature.COUNT;
        FeatureTracker[] trackers = new FeatureTracker[n];
        boolean[][] breach = new boolean[n][total];
        float[][] features = new float[n][rows * f];
        float[][] baseline = new float[n][rows];
        for (int s = 0; s < n; s++) {
            trackers[s] = new FeatureTracker(settings);
        }
        double[] row = new double[f];
        for (int t = 0; t < total; t++) {
            StampMinute[] observed = minutes.of(model.minute(START_MINUTE + t, layout));
            boolean keep = t >= WARMUP_MINUTES && (t - WARMUP_MINUTES) % every == 0;
            int r = keep ? (t - WARMUP_MINUTES) / every : -1;
            for (int s = 0; s < n; s++) {
                trackers[s].observe(observed[s]);
                breach[s][t] = rule.breach(observed[s]);
                if (keep) {
                    trackers[s].features(row);
                    for (int i = 0; i < f; i++) {
                        features[s][r * f + i] = (float) row[i];
                    }
                    baseline[s][r] = (float) baselineScore(row, trackers[s].reactiveFiring(), settings);
                }
            }
        }
        byte[][] targets = new byte[n][rows];
        int[][] starts = new int[n][];
        for (int s = 0; s < n; s++) {
            boolean[] incident = rule.incidents(breach[s]);
            byte[] perMinute = rule.targets(incident);
            for (int r = 0; r < rows; r++) {
                targets[s][r] = perMinute[WARMUP_MINUTES + r * every];
            }
            starts[s] = IncidentRule.starts(incident);
        }
        return new SimulatedHistory(world, every, rows, features, targets, baseline, starts);
    }

    /**
     * The baseline rule "P95 above the threshold or a sustained reactive trigger" as a score: the higher P95 minus
     * the threshold, raised by 1,000 while a reactive rule fires. The rule fires when it is above 0.
     */
    public static double baselineScore(double[] features, boolean reactiveFiring, FeatureSettings settings) {
        double p95 =
                Math.max(features[ScoreFeature.P95_REGISTRY.ordinal()], features[ScoreFeature.P95_DATAPROXY.ordinal()]);
        return p95 - settings.hotThreshold() + (reactiveFiring ? 1000.0 : 0.0);
    }

    public World world() {
        return world;
    }

    public int stamps() {
        return features.length;
    }

    public int rows() {
        return rows;
    }

    public int every() {
        return every;
    }

    /** The minute (from the world's start) of row {@code r}. */
    public int minuteOf(int r) {
        return WARMUP_MINUTES + r * every;
    }

    public void features(int stamp, int r, double[] out) {
        float[] all = features[stamp];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[r * out.length + i];
        }
    }

    public byte target(int stamp, int r) {
        return targets[stamp][r];
    }

    public float baseline(int stamp, int r) {
        return baseline[stamp][r];
    }

    /** Incident starts of a stamp, in minutes from the world's start. */
    public int[] incidentStarts(int stamp) {
        return incidentStarts[stamp].clone();
    }

    public long usableRows() {
        long count = 0;
        for (byte[] t : targets) {
            for (byte b : t) {
                if (b >= 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
