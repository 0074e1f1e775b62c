package dev.stampboard.calibration;

import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.calibration.engine.CalibrationFitter;
import dev.stampboard.calibration.engine.MoveOutcome;
import dev.stampboard.calibration.engine.PoolHistory;
import dev.stampboard.calibration.engine.PredictionError;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.TrafficSeries;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads every validated move's predicted and measured pools ({@code move_prediction}, written by the cutover engine)
 * and the fleet's current (traffic, hot-node CPU) history, fits the prediction model's parameters and measures them
 * out of sample: fitted on every campaign but the latest, evaluated on the latest.
 */
@Service
public class CalibrationService {

    private final JdbcClient jdbc;
    private final FleetService fleet;
    private final SignalsService signals;
    private final ObjectProvider<MissExplainer> explainer;
    private final Map<PoolKind, Double> plannerBaseline;
    private final int minMoves;

    CalibrationService(
            JdbcClient jdbc,
            FleetService fleet,
            SignalsService signals,
            ObjectProvider<MissExplainer> explainer,
            @Value("${stampboard.planning.idle-baseline-registry:7.0}") double registryBaseline,
            @Value("${stampboard.planning.idle-baseline-dataproxy:6.0}") double dataproxyBaseline,
            @Value("${stampboard.calibration.min-moves:10}") int minMoves) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.signals = signals;
        this.explainer = explainer;
        Map<PoolKind, Double> b = new EnumMap<>(PoolKind.class);
        b.put(PoolKind.REGISTRY, registryBaseline);
        b.put(PoolKind.DATAPROXY, dataproxyBaseline);
        this.plannerBaseline = b;
        this.minMoves = minMoves;
    }

    private volatile @org.jspecify.annotations.Nullable Cached cached;

    private record Cached(long minute, int outcomes, Calibration calibration) {}

    /**
     * The calibration the planner predicts with: fitted from every outcome once at least {@code min-moves} moves have
     * been measured, else {@link Calibration#NONE}. Refitted when a new outcome arrives or the clock has moved.
     */
    public Calibration forPlanner() {
        List<MoveOutcome> all = outcomes();
        Cached c = cached;
        if (c == null || c.minute() != signals.nowMinute() || c.outcomes() != all.size()) {
            c = new Cached(signals.nowMinute(), all.size(), CalibrationFitter.fit(all, histories(), plannerBaseline));
            cached = c;
        }
        return c.calibration().moves() >= minMoves ? c.calibration() : Calibration.NONE;
    }

    /** What a plan says about its predictions: calibrated from how many moves, or why not. */
    public String planNote() {
        Calibration c = forPlanner();
        if (c.moves() > 0) {
            return "Predictions calibrated from " + c.moves() + " moves (fitted idle baselines, cost factors of "
                    + c.registryCost().size() + " registry pools).";
        }
        long measured = outcomes().stream()
                .map(o -> o.campaign() + "#" + o.seq())
                .distinct()
                .count();
        return "Predictions uncalibrated: " + measured + " moves measured so far, calibration starts at " + minMoves
                + ".";
    }

    public int minMoves() {
        return minMoves;
    }

    public CalibrationReport report() {
        List<MoveOutcome> all = outcomes();
        List<PoolHistory> histories = histories();
        Calibration current = CalibrationFitter.fit(all, histories, plannerBaseline);
        // campaigns in the order they were judged; the latest is held out
        Map<String, Long> firstJudged = new LinkedHashMap<>();
        all.stream()
                .sorted(Comparator.comparingLong(MoveOutcome::atMinute))
                .forEach(o -> firstJudged.putIfAbsent(o.campaign(), o.atMinute()));
        List<String> campaigns = new ArrayList<>(firstJudged.keySet());
        List<MoveOutcome> test;
        Calibration fitted;
        String evaluatedOn;
        if (campaigns.size() >= 2) {
            String latest = campaigns.get(campaigns.size() - 1);
            List<MoveOutcome> train =
                    all.stream().filter(o -> !o.campaign().equals(latest)).toList();
            test = all.stream().filter(o -> o.campaign().equals(latest)).toList();
            fitted = CalibrationFitter.fit(train, histories, plannerBaseline);
            evaluatedOn = "plan " + latest + " (" + test.size() + " pools), fitted on the " + (campaigns.size() - 1)
                    + " plan(s) before it";
        } else {
            test = all;
            fitted = current;
            evaluatedOn = all.isEmpty()
                    ? "nothing yet: no move has been validated"
                    : "in sample: only one plan has been validated, so none is held out";
        }
        List<CalibrationReport.Point> points = new ArrayList<>();
        java.util.Set<MoveOutcome> held = new java.util.HashSet<>(test);
        for (MoveOutcome o : all) {
            points.add(CalibrationReport.Point.of(
                    o,
                    held.contains(o)
                            ? fitted.predict(o, PredictionError.baselineOf(plannerBaseline, o.pool()))
                            : null));
        }
        return new CalibrationReport(
                fitted.moves(),
                PredictionError.uncalibrated(test),
                PredictionError.calibrated(test, fitted, plannerBaseline),
                evaluatedOn,
                campaigns.size() >= 2,
                points,
                worstMisses(all),
                current,
                current.moves() >= minMoves,
                minMoves);
    }

    private List<CalibrationReport.WorstMiss> worstMisses(List<MoveOutcome> all) {
        Map<String, MoveOutcome> worst = new LinkedHashMap<>();
        for (MoveOutcome o : all) {
            worst.merge(o.campaign(), o, (a, b) -> Math.abs(b.errorPp()) > Math.abs(a.errorPp()) ? b : a);
        }
        MissExplainer world = explainer.getIfAvailable();
        List<CalibrationReport.WorstMiss> out = new ArrayList<>();
        worst.values().forEach(o -> {
            long cutover = cutoverMinute(o.campaign(), o.seq()).orElse(o.atMinute());
            String reason = world == null
                    ? "the fleet gives no reason"
                    : world.explain(
                                    o.registry(),
                                    o.stamp(),
                                    o.pool(),
                                    o.destination(),
                                    o.errorPp(),
                                    cutover,
                                    o.atMinute())
                            .orElse("no single cause stands out");
            out.add(new CalibrationReport.WorstMiss(
                    o.campaign(),
                    o.registry(),
                    o.stamp(),
                    o.pool().name(),
                    o.predicted(),
                    o.measured(),
                    o.errorPp(),
                    reason));
        });
        return out;
    }

    private Optional<Long> cutoverMinute(String plan, int seq) {
        return jdbc.sql("select cutover_at from move_run where plan_id = ? and seq = ?")
                .params(plan, seq)
                .query((rs, i) -> {
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    return at == null ? null : at.toEpochSecond() / 60;
                })
                .optional();
    }

    /** Every pool a validated move touched with all three values; a batch's moves each carry the batch's pools. */
    List<MoveOutcome> outcomes() {
        return jdbc.sql("""
                        select p.plan_id, p.seq, r.registry, p.stamp, p.pool, r.to_stamp, p.before_p95, p.predicted_p95,
                               p.measured_p95, r.state_since
                        from move_prediction p join move_run r on r.plan_id = p.plan_id and r.seq = p.seq
                        where p.before_p95 is not null and p.predicted_p95 is not null and p.measured_p95 is not null
                        order by r.state_since, p.plan_id, p.seq, p.stamp, p.pool""")
                .query((rs, i) -> new MoveOutcome(
                        rs.getString("plan_id"),
                        rs.getInt("seq"),
                        rs.getString("registry"),
                        rs.getString("stamp"),
                        PoolKind.valueOf(rs.getString("pool")),
                        rs.getString("stamp").equals(rs.getString("to_stamp")),
                        rs.getDouble("before_p95"),
                        rs.getDouble("predicted_p95"),
                        rs.getDouble("measured_p95"),
                        rs.getObject("state_since", OffsetDateTime.class).toEpochSecond() / 60))
                .list();
    }

    /** Each pool's peak window: traffic per node (requests or bytes of the replicas it served) and hot-node CPU. */
    List<PoolHistory> histories() {
        MinuteRange range = signals.peakRange();
        int n = (int) range.lengthMinutes();
        Map<String, double[]> requests = new HashMap<>();
        Map<String, double[]> bytes = new HashMap<>();
        // stamp → registry → its own requests and bytes there, for the registry cost fit
        Map<String, Map<String, double[]>> ownRequests = new HashMap<>();
        Map<String, Map<String, double[]>> ownBytes = new HashMap<>();
        for (RegistryInfo registry : fleet.registries()) {
            for (var replica : registry.replicas()) {
                TrafficSeries series = signals.replicaTraffic(registry.name(), replica.region(), range);
                for (int i = 0; i < series.size() && i < n; i++) {
                    String stamp = series.servedBy()[i];
                    if (stamp != null) {
                        requests.computeIfAbsent(stamp, s -> new double[n])[i] += nonNaN(series.requests()[i]);
                        bytes.computeIfAbsent(stamp, s -> new double[n])[i] += nonNaN(series.bytes()[i]);
                        ownRequests.computeIfAbsent(stamp, s -> new HashMap<>())
                                        .computeIfAbsent(registry.name(), r -> new double[n])[i] +=
                                nonNaN(series.requests()[i]);
                        ownBytes.computeIfAbsent(stamp, s -> new HashMap<>())
                                        .computeIfAbsent(registry.name(), r -> new double[n])[i] +=
                                nonNaN(series.bytes()[i]);
                    }
                }
            }
        }
        List<PoolHistory> out = new ArrayList<>();
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolKind kind : PoolKind.values()) {
                stamp.pool(kind).ifPresent(pool -> {
                    double[] traffic = (kind == PoolKind.REGISTRY ? requests : bytes).get(stamp.name());
                    if (traffic == null || pool.nodes().isEmpty()) {
                        return;
                    }
                    float[] hot = signals.hotNodeMinutes(stamp.name(), kind, range);
                    double[] perNode = new double[n];
                    double[] cpu = new double[n];
                    for (int i = 0; i < n; i++) {
                        perNode[i] = traffic[i] / pool.nodes().size();
                        cpu[i] = i < hot.length ? hot[i] : Double.NaN;
                    }
                    out.add(new PoolHistory(
                            stamp.name(),
                            kind,
                            perNode,
                            cpu,
                            (kind == PoolKind.REGISTRY ? ownRequests : ownBytes).getOrDefault(stamp.name(), Map.of())));
                });
            }
        }
        return out;
    }

    private static double nonNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
