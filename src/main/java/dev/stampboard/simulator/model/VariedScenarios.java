package dev.stampboard.simulator.model;

import dev.stampboard.simulator.model.ScenarioBuilder.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated regions whose customers have rhythms: weekly growth (from a slight decline to +12 % a week, counted from
 * {@link CustomerRhythm#GROWTH_FROM}), CI weekends, release bursts; stamps from cool to close to the throttling knee in
 * busy hours. Unlike {@link Scenarios#generated}, whose traffic repeats every day, stamps here drift into and out of
 * trouble over days, and some are hit by bursts: history to fit and test the stamp score on. Same arguments, same
 * scenario.
 */
public final class VariedScenarios {

    private VariedScenarios() {}

    /** One region ({@code region}, zone {@code zone}) of {@code stamps} shared stamps with 3–6 registries each. */
    public static Scenario region(String region, String zone, int stamps, long seed) {
        if (stamps < 1) {
            throw new IllegalArgumentException("need at least one stamp");
        }
        ScenarioBuilder b = new ScenarioBuilder("varied-" + region + "-" + stamps + "-" + seed, WorldPhysics.DEFAULT)
                .region(region, zone);
        for (int s = 0; s < stamps; s++) {
            String stamp = String.format("%s-v%03d", region, s);
            int rg = 8 + (int) (9 * DeterministicNoise.uniform(seed, stamp, "rg", 0));
            int dp = 8 + (int) (9 * DeterministicNoise.uniform(seed, stamp, "dp", 0));
            b.sharedStamp(stamp, region, rg, dp, Math.max(3, rg / 2), Math.max(3, dp / 2), 2);
            double heat = DeterministicNoise.uniform(seed, stamp, "heat", 0);
            double dataproxyTarget = 20 + 68 * heat;
            double registryTarget =
                    Math.max(10, dataproxyTarget * (0.6 + 0.4 * DeterministicNoise.uniform(seed, stamp, "mix", 0)));
            int registries = 3 + (int) (4 * DeterministicNoise.uniform(seed, stamp, "registries", 0));
            List<Tenant> tenants = new ArrayList<>(registries);
            for (int t = 0; t < registries; t++) {
                String customer = String.format("%s-c%02d", stamp, t);
                b.customer(customer, "Customer " + customer, null, rhythm(seed, customer));
                String registry = String.format("%sr%d.azurecr.io", stamp.replace("-", ""), t);
                double requestWeight = Math.exp(1.2 * DeterministicNoise.gaussian(seed, registry, "rq", 0));
                double bytesWeight =
                        requestWeight * Math.exp(0.6 * DeterministicNoise.gaussian(seed, registry, "by", 0));
                double u = DeterministicNoise.uniform(seed, registry, "profile", 0);
                tenants.add(new Tenant(registry, customer, requestWeight, bytesWeight, 0.4 + 0.3 * u, 0.04 + 0.05 * u));
            }
            b.fill(stamp, registryTarget, dataproxyTarget, tenants);
        }
        return b.build();
    }

    private static CustomerRhythm rhythm(long seed, String customer) {
        double growthDraw = DeterministicNoise.uniform(seed, customer, "growth", 0);
        double weeklyGrowth = growthDraw < 0.4 ? 0.0 : -0.02 + 0.14 * (growthDraw - 0.4) / 0.6;
        double weekend = DeterministicNoise.uniform(seed, customer, "weekend", 0) < 0.5
                ? 0.5 + 0.4 * DeterministicNoise.uniform(seed, customer, "weekend-level", 0)
                : 1.0;
        double burstDraw = DeterministicNoise.uniform(seed, customer, "bursts", 0);
        double burstsPerMonth = burstDraw < 0.6 ? 0.0 : 3.0 * (burstDraw - 0.6) / 0.4;
        double burstFactor = 1.2 + 0.6 * DeterministicNoise.uniform(seed, customer, "burst-factor", 0);
        return new CustomerRhythm(null, weekend, weeklyGrowth, burstsPerMonth, burstFactor);
    }
}
