package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.simulator.model.Measurements.StampPool;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints the seed's table as the world measures it: every OpenMind registry moved to a dedicated stamp. */
public final class SeedTableProbe {

    public static void main(String[] args) {
        Scenario seed = Scenarios.seed();
        FleetLayout before = seed.initialLayout();
        FleetLayout after = isolated(seed, before);
        long seedValue = args.length > 0 ? Long.parseLong(args[0]) : SeedScenarioTest.SEED;
        FleetTrafficModel model = new FleetTrafficModel(seed, seedValue);
        for (String end : List.of("2026-11-26T12:00:00Z", "2026-11-27T00:00:00Z", "2026-12-08T18:00:00Z")) {
            long e = Measurements.epochMinute(end);
            Map<StampPool, Double> b = Measurements.trailing12hP95(model, before, e);
            Map<StampPool, Double> a = Measurements.trailing12hP95(model, after, e);
            System.out.println("window ending " + end);
            for (String stamp :
                    List.of("eus-s01", "eus-s02", "eus-s03", "eus-s04", "eus-s05", "eus-s06", "eus-s07", "eus-ded")) {
                for (PoolKind pool : PoolKind.values()) {
                    StampPool k = new StampPool(stamp, pool);
                    Double x = b.get(k);
                    Double y = a.get(k);
                    System.out.printf(
                            "  %s %-9s %6.1f -> %6.1f  %+6.1f pp %+6.1f %%%n",
                            stamp,
                            pool,
                            x == null ? Double.NaN : x,
                            y,
                            y - (x == null ? 0 : x),
                            x == null ? Double.NaN : 100 * (y - x) / x);
                }
            }
        }
    }

    static FleetLayout isolated(Scenario seed, FleetLayout layout) {
        List<StampLayout> stamps = new ArrayList<>(layout.stamps());
        stamps.add(new StampLayout(
                "eus-ded",
                "eastus",
                ZoneId.of("America/New_York"),
                StampKind.DEDICATED,
                NodeNames.nodes(PoolKind.REGISTRY, 16),
                NodeNames.nodes(PoolKind.DATAPROXY, 40)));
        List<ReplicaLayout> replicas = layout.replicas().stream()
                .map(r -> seed.registries().stream()
                                .anyMatch(x -> x.name().equals(r.registry())
                                        && x.customer().equals(Scenarios.AI_CUSTOMER))
                        ? new ReplicaLayout(r.registry(), r.region(), "eus-ded")
                        : r)
                .toList();
        return new FleetLayout(stamps, replicas);
    }
}
