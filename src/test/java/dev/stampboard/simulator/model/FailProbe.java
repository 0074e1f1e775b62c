package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.simulator.model.Measurements.StampPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Looks for moves the planner's linear model accepts but the world overloads (exploration aid, prints only). */
public final class FailProbe {

    public static void main(String[] args) {
        Scenario seed = Scenarios.seed();
        FleetLayout layout = seed.initialLayout();
        FleetTrafficModel model = new FleetTrafficModel(seed, SeedScenarioTest.SEED);
        long start = Measurements.epochMinute("2026-11-26T12:00:00Z");
        long end = start;
        Map<StampPool, List<Double>> before = Measurements.hotNodeSeries(model, layout, end - 720, end);
        for (ScenarioRegistry r : seed.registries()) {
            String from = r.homeStampByRegion().get("eastus");
            if (from == null || r.customer().equals("openmind-ai")) {
                continue;
            }
            for (String to : List.of("eus-s02", "eus-s03", "eus-s05", "eus-s06", "eus-s07", "eus-s04")) {
                if (to.equals(from)) {
                    continue;
                }
                double worst = 0;
                double predictedWorst = 0;
                for (PoolKind pool : PoolKind.values()) {
                    double b = pool == PoolKind.REGISTRY ? 7 : 6;
                    List<Double> predicted = new ArrayList<>();
                    List<Double> measured = new ArrayList<>();
                    for (long m = end - 720; m < end; m++) {
                        MinuteSnapshot s = model.minute(m, layout);
                        double own = 0, total = 0;
                        for (ReplicaTraffic t : s.traffic()) {
                            if (t.stamp().equals(from)) {
                                double v = pool == PoolKind.REGISTRY ? t.requests() : t.bytes();
                                total += v;
                                if (t.registry().equals(r.name()) && t.region().equals("eastus")) {
                                    own = v;
                                }
                            }
                        }
                        int i = (int) (m - (end - 720));
                        double hs = before.get(new StampPool(from, pool)).get(i);
                        double hd = before.get(new StampPool(to, pool)).get(i);
                        int ns = nodes(seed, from, pool), nd = nodes(seed, to, pool);
                        predicted.add(hd + (hs - b) * own / total * ns / nd);
                    }
                    FleetLayout moved = new FleetLayout(
                            layout.stamps(),
                            layout.replicas().stream()
                                    .map(x -> x.registry().equals(r.name())
                                                    && x.region().equals("eastus")
                                            ? new ReplicaLayout(x.registry(), "eastus", to, end)
                                            : x)
                                    .toList());
                    List<Double> steady = new ArrayList<>();
                    for (long m = end; m < end + 180; m++) {
                        measured.add(
                                Measurements.hotNode(model.minute(m, moved)).get(new StampPool(to, pool)));
                    }
                    for (long m = end + 720; m < end + 1440; m += 2) {
                        steady.add(Measurements.hotNode(model.minute(m, moved)).get(new StampPool(to, pool)));
                    }
                    double p = Measurements.p95(predicted);
                    double mx = measured.stream()
                            .sorted()
                            .skip(measured.size() / 2)
                            .findFirst()
                            .orElseThrow();
                    predictedWorst = Math.max(predictedWorst, p);
                    worst = Math.max(worst, mx);
                    System.out.printf(
                            "%-28s %s->%s %-9s predicted %5.1f  world median first 3h %5.1f  steady p95 %5.1f%n",
                            r.name(), from, to, pool, p, mx, Measurements.p95(steady));
                }
            }
        }
    }

    private static int nodes(Scenario s, String stamp, PoolKind pool) {
        ScenarioStamp x = s.stamps().stream()
                .filter(t -> t.name().equals(stamp))
                .findFirst()
                .orElseThrow();
        return pool == PoolKind.REGISTRY ? x.registryNodes() : x.dataproxyNodes();
    }
}
