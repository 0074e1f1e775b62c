package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulation starts from: the initial fleet and every registry's traffic profile.
 * The fleet then changes (cutovers, new stamps); the caller passes each minute's {@link FleetLayout}.
 */
public record Scenario(
        String name,
        List<ScenarioRegion> regions,
        List<ScenarioStamp> stamps,
        List<ScenarioCustomer> customers,
        List<ScenarioRegistry> registries) {

    public Scenario {
        regions = List.copyOf(regions);
        stamps = List.copyOf(stamps);
        customers = List.copyOf(customers);
        registries = List.copyOf(registries);
    }

    /** The fleet at the start: every stamp active with its scenario node counts, every replica on its home stamp. */
    public FleetLayout initialLayout() {
        Map<String, ScenarioRegion> regionByName = new HashMap<>();
        regions.forEach(r -> regionByName.put(r.name(), r));
        List<StampLayout> stampLayouts = new ArrayList<>(stamps.size());
        for (ScenarioStamp s : stamps) {
            ScenarioRegion region = regionByName.get(s.region());
            if (region == null) {
                throw new IllegalStateException("stamp " + s.name() + " is in unknown region " + s.region());
            }
            stampLayouts.add(new StampLayout(
                    s.name(),
                    s.region(),
                    region.zone(),
                    s.kind(),
                    NodeNames.nodes(PoolKind.REGISTRY, s.registryNodes()),
                    NodeNames.nodes(PoolKind.DATAPROXY, s.dataproxyNodes())));
        }
        List<ReplicaLayout> replicas = new ArrayList<>();
        for (ScenarioRegistry r : registries) {
            r.homeStampByRegion().forEach((region, stamp) -> replicas.add(new ReplicaLayout(r.name(), region, stamp)));
        }
        return new FleetLayout(stampLayouts, replicas);
    }
}
