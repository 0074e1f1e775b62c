package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds scenarios whose stamps run at a chosen load. Instead of hand-tuning every registry's request rate, a stamp
 * is {@linkplain #fill filled}: its new tenants share, by weight, whatever traffic is still missing for the stamp's
 * hot node to reach the target CPU in busy hours, computed with the world's own physics. Change a node count and the story (which stamp is hot, which is
 * cool) stays the same. The trailing-12 h P95 reads a point or two above the target: it picks the noisy upper tail
 * of the busy hours.
 */
final class ScenarioBuilder {

    /** A registry to place on a stamp being filled, with its weight in that stamp's requests and bytes. */
    record Tenant(
            String registry,
            String customer,
            double requestWeight,
            double bytesWeight,
            double dailyAmplitude,
            double noise,
            Map<String, String> otherHomes) {

        Tenant(
                String registry,
                String customer,
                double requestWeight,
                double bytesWeight,
                double dailyAmplitude,
                double noise) {
            this(registry, customer, requestWeight, bytesWeight, dailyAmplitude, noise, Map.of());
        }

        /** The same registry, also geo-replicated to another region's stamp. */
        Tenant alsoIn(String region, String stamp) {
            Map<String, String> homes = new HashMap<>(otherHomes);
            homes.put(region, stamp);
            return new Tenant(registry, customer, requestWeight, bytesWeight, dailyAmplitude, noise, homes);
        }
    }

    private final String name;
    private final WorldPhysics physics;
    private final Map<String, ScenarioRegion> regions = new LinkedHashMap<>();
    private final Map<String, ScenarioStamp> stamps = new LinkedHashMap<>();
    private final Map<String, ScenarioCustomer> customers = new LinkedHashMap<>();
    private final Map<String, ScenarioRegistry> registries = new LinkedHashMap<>();
    private final Map<String, List<ScenarioRegistry>> registriesByStamp = new HashMap<>();

    ScenarioBuilder(String name, WorldPhysics physics) {
        this.name = name;
        this.physics = physics;
    }

    ScenarioBuilder region(String region, String zone) {
        regions.put(region, new ScenarioRegion(region, ZoneId.of(zone)));
        return this;
    }

    ScenarioBuilder sharedStamp(
            String stamp,
            String region,
            int registryNodes,
            int dataproxyNodes,
            int minRegistryNodes,
            int minDataproxyNodes,
            int storageAccounts) {
        if (!regions.containsKey(region)) {
            throw new IllegalArgumentException("unknown region " + region);
        }
        stamps.put(
                stamp,
                new ScenarioStamp(
                        stamp,
                        region,
                        StampKind.SHARED,
                        registryNodes,
                        dataproxyNodes,
                        minRegistryNodes,
                        minDataproxyNodes,
                        storageAccounts));
        return this;
    }

    ScenarioBuilder customer(String customer, String displayName, @org.jspecify.annotations.Nullable String loginUser) {
        return customer(customer, displayName, loginUser, CustomerRhythm.STEADY);
    }

    ScenarioBuilder customer(
            String customer,
            String displayName,
            @org.jspecify.annotations.Nullable String loginUser,
            CustomerRhythm rhythm) {
        customers.put(customer, new ScenarioCustomer(customer, displayName, loginUser, rhythm));
        return this;
    }

    ScenarioStamp stamp(String stamp) {
        ScenarioStamp s = stamps.get(stamp);
        if (s == null) {
            throw new IllegalArgumentException("unknown stamp " + stamp);
        }
        return s;
    }

    /** Adds a registry with an explicit profile. */
    ScenarioBuilder registry(
            String registry, String customer, Map<String, String> homeStampByRegion, TrafficProfile profile) {
        if (!customers.containsKey(customer)) {
            throw new IllegalArgumentException("unknown customer " + customer + " of " + registry);
        }
        if (registries.containsKey(registry)) {
            throw new IllegalArgumentException("duplicate registry " + registry);
        }
        homeStampByRegion.forEach((region, stamp) -> {
            if (!stamp(stamp).region().equals(region)) {
                throw new IllegalArgumentException(registry + ": stamp " + stamp + " is not in " + region);
            }
        });
        ScenarioRegistry r = new ScenarioRegistry(registry, customer, homeStampByRegion, profile);
        registries.put(registry, r);
        homeStampByRegion
                .values()
                .forEach(s -> registriesByStamp
                        .computeIfAbsent(s, k -> new ArrayList<>())
                        .add(r));
        return this;
    }

    /**
     * Places {@code tenants} on {@code stamp} and sizes their profiles so that, with the registries already homed
     * there, the stamp's hottest node reaches {@code registryHotCpu} / {@code dataproxyHotCpu} in busy hours —
     * in the world's own terms: each registry's {@link RegistryCost}, its {@link NodeAffinity} over the pool's nodes,
     * the idle CPU of {@link WorldPhysics}. Tenants share the new traffic (requests, bytes) by weight.
     */
    ScenarioBuilder fill(String stamp, double registryHotCpu, double dataproxyHotCpu, List<Tenant> tenants) {
        ScenarioStamp s = stamp(stamp);
        double requestScale = scaleToReach(s, PoolKind.REGISTRY, registryHotCpu, tenants);
        double bytesScale = scaleToReach(s, PoolKind.DATAPROXY, dataproxyHotCpu, tenants);
        for (Tenant t : tenants) {
            double requests = requestScale * t.requestWeight();
            double bytes = bytesScale * t.bytesWeight();
            Map<String, String> homes = new HashMap<>(t.otherHomes());
            homes.put(s.region(), stamp);
            registry(
                    t.registry(),
                    t.customer(),
                    homes,
                    new TrafficProfile(requests, bytes / requests, t.dailyAmplitude(), t.noise()));
        }
        return this;
    }

    /**
     * The traffic per unit of weight at which the first node of the pool reaches {@code hotCpu}: with existing work
     * e_i and the tenants' work per unit s_i on node i, the hottest node is max_i(e_i + x·s_i), so
     * x = min_i (W − e_i) / s_i for the work W that makes {@code hotCpu}.
     */
    private double scaleToReach(ScenarioStamp s, PoolKind pool, double hotCpu, List<Tenant> tenants) {
        List<String> nodes = NodeNames.nodes(pool, pool == PoolKind.REGISTRY ? s.registryNodes() : s.dataproxyNodes());
        double[] existing = new double[nodes.size()];
        for (ScenarioRegistry r : registriesByStamp.getOrDefault(s.name(), List.of())) {
            double traffic = pool == PoolKind.REGISTRY
                    ? r.profile().peakRequestsPerMinute()
                    : r.profile().peakRequestsPerMinute() * r.profile().bytesPerRequest();
            NodeAffinity.spread(
                    existing,
                    nodes,
                    s.name(),
                    pool.name(),
                    r.name(),
                    traffic * RegistryCost.of(r.name()).per(pool));
        }
        double[] perUnit = new double[nodes.size()];
        for (Tenant t : tenants) {
            double weight = pool == PoolKind.REGISTRY ? t.requestWeight() : t.bytesWeight();
            NodeAffinity.spread(
                    perUnit,
                    nodes,
                    s.name(),
                    pool.name(),
                    t.registry(),
                    weight * RegistryCost.of(t.registry()).per(pool));
        }
        double target = physics.work(pool, hotCpu);
        double x = Double.MAX_VALUE;
        for (int i = 0; i < nodes.size(); i++) {
            if (existing[i] >= target) {
                throw new IllegalStateException(
                        s.name() + " " + pool + " is already above " + hotCpu + " % with the registries homed there");
            }
            if (perUnit[i] > 0) {
                x = Math.min(x, (target - existing[i]) / perUnit[i]);
            }
        }
        return x;
    }

    WorldPhysics physics() {
        return physics;
    }

    Scenario build() {
        return new Scenario(
                name,
                List.copyOf(regions.values()),
                List.copyOf(stamps.values()),
                List.copyOf(customers.values()),
                List.copyOf(registries.values()));
    }
}
