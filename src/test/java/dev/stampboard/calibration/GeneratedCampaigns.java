package dev.stampboard.calibration;

import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.calibration.engine.CalibrationFitter;
import dev.stampboard.calibration.engine.MoveOutcome;
import dev.stampboard.calibration.engine.PoolHistory;
import dev.stampboard.calibration.engine.PredictionError;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlannedMove;
import dev.stampboard.planning.engine.Planner;
import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.PoolLoad;
import dev.stampboard.planning.engine.Prediction;
import dev.stampboard.planning.engine.RegistryLoad;
import dev.stampboard.planning.engine.StampLoad;
import dev.stampboard.signals.engine.NearestRank;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.NodeCpuSample;
import dev.stampboard.simulator.model.ReplicaLayout;
import dev.stampboard.simulator.model.ReplicaTraffic;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.simulator.model.StampLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns run in the world without the console around them: a generated fleet (one region, ten stamps) is observed
 * for 12 h, the planner (the real engine) relieves its hottest stamp, every move is cut over at once, and 24 h later
 * the trailing 12 h hot-node P95 of every pool the plan predicted is measured. The same planning input can be
 * rebuilt with a calibration, so the calibrated planner's predictions of the very same moves can be compared.
 */
final class GeneratedCampaigns {

    static final Map<PoolKind, Double> PLANNER_BASELINE = Map.of(PoolKind.REGISTRY, 7.0, PoolKind.DATAPROXY, 6.0);
    static final long START = Instant.parse("2026-11-26T18:00:00Z").getEpochSecond() / 60;
    static final int WINDOW = 12 * 60;

    /** One campaign: its outcomes as the uncalibrated planner predicted them, and what is needed to predict again. */
    record Campaign(
            String name,
            List<MoveOutcome> outcomes,
            List<PoolHistory> histories,
            Input input,
            Map<String, String> destinations,
            Map<String, Double> measured,
            Map<String, Double> unmoved) {}

    /** What the planner was given, kept so a calibrated input can be built from the same observations. */
    record Input(
            Map<String, Map<PoolKind, float[]>> hot,
            Map<String, Map<PoolKind, Integer>> nodes,
            List<RegistryLoad> registries,
            List<String> sources) {}

    private GeneratedCampaigns() {}

    static Campaign run(long seed) {
        Scenario scenario = Scenarios.generated(1, 10, 8, seed);
        FleetTrafficModel world = new FleetTrafficModel(scenario, seed);
        FleetLayout layout = scenario.initialLayout();
        String name = "seed-" + seed;

        // 12 h of observation before the campaign
        Map<String, Map<PoolKind, float[]>> hot = new HashMap<>();
        Map<String, Map<PoolKind, double[]>> traffic = new HashMap<>();
        Map<String, double[][]> replicaTraffic = new HashMap<>();
        for (StampLayout s : layout.stamps()) {
            hot.put(
                    s.name(),
                    new EnumMap<>(Map.of(PoolKind.REGISTRY, new float[WINDOW], PoolKind.DATAPROXY, new float[WINDOW])));
            traffic.put(
                    s.name(),
                    new EnumMap<>(
                            Map.of(PoolKind.REGISTRY, new double[WINDOW], PoolKind.DATAPROXY, new double[WINDOW])));
        }
        for (int i = 0; i < WINDOW; i++) {
            MinuteSnapshot m = world.minute(START - WINDOW + i, layout);
            for (NodeCpuSample n : m.nodeCpu()) {
                float[] series = hot.get(n.stamp()).get(n.pool());
                series[i] = Math.max(series[i], n.cpu());
            }
            for (ReplicaTraffic t : m.traffic()) {
                traffic.get(t.stamp()).get(PoolKind.REGISTRY)[i] += t.requests();
                traffic.get(t.stamp()).get(PoolKind.DATAPROXY)[i] += t.bytes();
                replicaTraffic.computeIfAbsent(t.registry() + "|" + t.stamp(), k -> new double[2][WINDOW]);
                replicaTraffic.get(t.registry() + "|" + t.stamp())[0][i] = t.requests();
                replicaTraffic.get(t.registry() + "|" + t.stamp())[1][i] = t.bytes();
            }
        }
        Map<String, Map<PoolKind, Integer>> nodes = new HashMap<>();
        List<PoolHistory> histories = new ArrayList<>();
        for (StampLayout s : layout.stamps()) {
            nodes.put(
                    s.name(),
                    new EnumMap<>(Map.of(
                            PoolKind.REGISTRY,
                            s.registryNodes().size(),
                            PoolKind.DATAPROXY,
                            s.dataproxyNodes().size())));
            for (PoolKind pool : PoolKind.values()) {
                double[] perNode = traffic.get(s.name()).get(pool).clone();
                double[] cpu = new double[WINDOW];
                for (int i = 0; i < WINDOW; i++) {
                    perNode[i] /= nodes.get(s.name()).get(pool);
                    cpu[i] = hot.get(s.name()).get(pool)[i];
                }
                Map<String, double[]> byRegistry = new HashMap<>();
                int column = pool == PoolKind.REGISTRY ? 0 : 1;
                replicaTraffic.forEach((key, series) -> {
                    if (key.endsWith("|" + s.name())) {
                        byRegistry.put(key.substring(0, key.indexOf('|')), series[column]);
                    }
                });
                histories.add(new PoolHistory(name + "/" + s.name(), pool, perNode, cpu, byRegistry));
            }
        }
        List<RegistryLoad> registries = new ArrayList<>();
        replicaTraffic.forEach((key, series) -> {
            String registry = key.substring(0, key.indexOf('|'));
            String stamp = key.substring(key.indexOf('|') + 1);
            Map<PoolKind, float[]> share = new EnumMap<>(PoolKind.class);
            for (PoolKind pool : PoolKind.values()) {
                float[] s = new float[WINDOW];
                double[] total = traffic.get(stamp).get(pool);
                for (int i = 0; i < WINDOW; i++) {
                    s[i] = total[i] > 0 ? (float) (series[pool == PoolKind.REGISTRY ? 0 : 1][i] / total[i]) : 0f;
                }
                share.put(pool, s);
            }
            registries.add(new RegistryLoad(registry, stamp, share, 0.0, max(series[0]), max(series[1])));
        });
        registries.sort(java.util.Comparator.comparing(RegistryLoad::registry));
        List<String> hottest = hot.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble((Map.Entry<String, Map<PoolKind, float[]>> e) -> Math.max(
                                NearestRank.p95(e.getValue().get(PoolKind.REGISTRY)),
                                NearestRank.p95(e.getValue().get(PoolKind.DATAPROXY))))
                        .reversed())
                .limit(2)
                .map(Map.Entry::getKey)
                .toList();
        Input input = new Input(hot, nodes, registries, hottest);

        Plan plan = new Planner().plan(planningInput(input, Calibration.NONE, ""), null);
        Map<String, String> destinations = new LinkedHashMap<>();
        for (PlannedMove m : plan.moves()) {
            destinations.put(m.registry(), m.to());
        }
        // a registry the planner isolates goes to a dedicated stamp of the recommended size (not itself predicted)
        List<StampLayout> stamps = new ArrayList<>(layout.stamps());
        for (var isolated : plan.isolation()) {
            String dedicated = "ded-" + isolated.registry();
            destinations.put(isolated.registry(), dedicated);
            stamps.add(new StampLayout(
                    dedicated,
                    "region",
                    layout.stamps().get(0).regionZone(),
                    dev.stampboard.fleet.StampKind.DEDICATED,
                    dev.stampboard.simulator.model.NodeNames.nodes(
                            PoolKind.REGISTRY, isolated.sizing().registryNodes()),
                    dev.stampboard.simulator.model.NodeNames.nodes(
                            PoolKind.DATAPROXY, isolated.sizing().dataproxyNodes())));
        }

        // every move cut over at once; measured over the trailing 12 h a day later (the caches long warm)
        FleetLayout moved = new FleetLayout(
                stamps,
                layout.replicas().stream()
                        .map(r -> destinations.containsKey(r.registry())
                                ? new ReplicaLayout(r.registry(), r.region(), destinations.get(r.registry()), START)
                                : r)
                        .toList());
        Map<String, Double> measured = afterP95(world, moved);
        // the same window had nothing moved: what the pools would have done anyway (growth, weekday, noise)
        Map<String, Double> unmoved = destinations.isEmpty() ? measured : afterP95(world, layout);
        // a plan that moves nothing (the sources already under target) has no outcome to learn from or judge
        List<MoveOutcome> outcomes =
                destinations.isEmpty() ? List.of() : outcomes(name, plan.predictions(), destinations, measured);
        return new Campaign(name, outcomes, histories, input, destinations, measured, unmoved);
    }

    /** Every pool's hot-node P95 over the trailing 12 h a day after the cutover. */
    private static Map<String, Double> afterP95(FleetTrafficModel world, FleetLayout layout) {
        Map<String, float[]> after = new HashMap<>();
        for (int i = 0; i < WINDOW; i++) {
            for (NodeCpuSample n : world.minute(START + 12 * 60 + i, layout).nodeCpu()) {
                float[] series =
                        after.computeIfAbsent(n.stamp() + "/" + n.pool().name(), k -> new float[WINDOW]);
                series[i] = Math.max(series[i], n.cpu());
            }
        }
        Map<String, Double> p95 = new HashMap<>();
        after.forEach((k, v) -> p95.put(k, NearestRank.p95(v)));
        return p95;
    }

    /** The same moves predicted by the planner given the calibration (b, gains, costs) instead of its defaults. */
    static List<MoveOutcome> predictAgain(Campaign c, Calibration calibration) {
        List<Prediction> predictions =
                new Planner().predictMoves(planningInput(c.input(), calibration, c.name() + "/"), c.destinations());
        return outcomes(c.name(), predictions, c.destinations(), c.measured());
    }

    private static List<MoveOutcome> outcomes(
            String campaign,
            List<Prediction> predictions,
            Map<String, String> destinations,
            Map<String, Double> measured) {
        Set<String> to = Set.copyOf(destinations.values());
        String anyRegistry = destinations.keySet().stream().findFirst().orElse("");
        List<MoveOutcome> out = new ArrayList<>();
        for (Prediction p : predictions) {
            Double m = measured.get(p.stamp() + "/" + p.pool().name());
            if (m != null) {
                out.add(new MoveOutcome(
                        campaign,
                        0,
                        anyRegistry,
                        campaign + "/" + p.stamp(),
                        p.pool(),
                        to.contains(p.stamp()),
                        p.before(),
                        p.after(),
                        m,
                        START + 24 * 60));
            }
        }
        return out;
    }

    static PlanningInput planningInput(Input in, Calibration c, String stampPrefix) {
        List<StampLoad> stamps = new ArrayList<>();
        in.hot().forEach((stamp, pools) -> {
            Map<PoolKind, PoolLoad> loads = new EnumMap<>(PoolKind.class);
            pools.forEach((pool, series) -> loads.put(
                    pool,
                    new PoolLoad(
                            in.nodes().get(stamp).get(pool),
                            c.baseline(stampPrefix + stamp, pool, PLANNER_BASELINE.get(pool)),
                            series)));
            stamps.add(new StampLoad(stamp, true, true, false, loads));
        });
        stamps.sort(java.util.Comparator.comparing(StampLoad::name));
        // each registry's calibrated cost weighs what it brings to a destination, as PlanningInputFactory does
        List<RegistryLoad> registries = new ArrayList<>();
        for (RegistryLoad r : in.registries()) {
            Map<PoolKind, Double> arrivalCost = new EnumMap<>(PoolKind.class);
            for (PoolKind pool : PoolKind.values()) {
                arrivalCost.put(pool, c.cost(r.registry(), pool));
            }
            registries.add(new RegistryLoad(
                    r.registry(),
                    r.homeStamp(),
                    r.share(),
                    r.latencyVolatility(),
                    r.peakRequestsPerMinute(),
                    r.peakBytesPerMinute(),
                    arrivalCost));
        }
        return new PlanningInput(
                "region", START - WINDOW, stamps, registries, PlanningSettings.defaults(), Set.copyOf(in.sources()));
    }

    /** Fits on the campaigns before {@code k} (and campaign k's own history, known before it starts) and evaluates on k. */
    static PredictionError[] evaluate(List<Campaign> campaigns, int k) {
        List<MoveOutcome> train = new ArrayList<>();
        List<PoolHistory> histories = new ArrayList<>(campaigns.get(k).histories());
        for (int i = 0; i < k; i++) {
            train.addAll(campaigns.get(i).outcomes());
            histories.addAll(campaigns.get(i).histories());
        }
        Calibration fitted = CalibrationFitter.fit(train, histories, PLANNER_BASELINE);
        Campaign test = campaigns.get(k);
        if (Boolean.getBoolean("campaigns.debug")) {
            System.out.println(test.name() + ": " + fitted + "\n  outcomes " + test.outcomes() + "\n  again "
                    + predictAgain(test, fitted));
        }
        List<MoveOutcome> again = predictAgain(test, fitted);
        // compared on the same pools: the plan also lists pools nothing moved from, which the moves alone do not touch
        Set<String> both = new java.util.HashSet<>();
        again.forEach(o -> both.add(o.stamp() + "/" + o.pool()));
        List<MoveOutcome> original = test.outcomes().stream()
                .filter(o -> both.contains(o.stamp() + "/" + o.pool()))
                .toList();
        return new PredictionError[] {PredictionError.uncalibrated(original), PredictionError.uncalibrated(again)};
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
