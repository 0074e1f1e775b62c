package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prints the seed scenario's trailing-12 h hot-node P95 per stamp and pool at four times of day (no assertions). */
class SeedCalibrationReport {

    @Test
    void print_seed_p95_table() {
        Scenario seed = Scenarios.seed();
        FleetTrafficModel model = new FleetTrafficModel(seed, SeedScenarioTest.SEED);
        FleetLayout layout = seed.initialLayout();
        String[] ends = {"2026-11-26T00:00:00Z", "2026-11-26T06:00:00Z", "2026-11-26T12:00:00Z", "2026-11-26T18:00:00Z"
        };
        StringBuilder out = new StringBuilder(String.format("%-9s %-9s", "stamp", "pool"));
        Map<?, Double>[] tables = new Map[ends.length];
        for (int i = 0; i < ends.length; i++) {
            out.append(String.format(" %6s", ends[i].substring(11, 16)));
            tables[i] = Measurements.trailing12hP95(model, layout, Measurements.epochMinute(ends[i]));
        }
        out.append('\n');
        for (ScenarioStamp s : seed.stamps()) {
            for (PoolKind pool : PoolKind.values()) {
                out.append(String.format("%-9s %-9s", s.name(), pool));
                for (Map<?, Double> t : tables) {
                    out.append(String.format(" %6.1f", t.get(new Measurements.StampPool(s.name(), pool))));
                }
                out.append('\n');
            }
        }
        System.out.println(out);
    }
}
