package dev.stampboard.simulator;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.ScenarioStamp;
import dev.stampboard.simulator.model.StampLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Writes a scenario into an empty inventory through the fleet's own service (so it is validated and audited). */
class ScenarioLoader {

    private final FleetService fleet;

    ScenarioLoader(FleetService fleet) {
        this.fleet = fleet;
    }

    void load(Scenario scenario, Actor actor) {
        scenario.regions().forEach(r -> fleet.addRegion(r.name(), r.zone(), actor));
        List<StampLayout> layouts = scenario.initialLayout().stamps();
        for (ScenarioStamp stamp : scenario.stamps()) {
            StampLayout layout = layouts.stream()
                    .filter(l -> l.name().equals(stamp.name()))
                    .findFirst()
                    .orElseThrow();
            List<StampDeclaration.PoolDeclaration> pools = new ArrayList<>();
            pools.add(new StampDeclaration.PoolDeclaration(
                    PoolKind.REGISTRY, layout.registryNodes(), stamp.minRegistryNodes()));
            pools.add(new StampDeclaration.PoolDeclaration(
                    PoolKind.DATAPROXY, layout.dataproxyNodes(), stamp.minDataproxyNodes()));
            List<String> accounts = IntStream.rangeClosed(1, stamp.storageAccounts())
                    .mapToObj(i -> stamp.name().replace("-", "") + "sa" + String.format("%02d", i))
                    .toList();
            fleet.declareStamp(
                    stamp.name(),
                    new StampDeclaration(stamp.region(), stamp.kind(), StampStatus.ACTIVE, pools, accounts),
                    actor);
        }
        scenario.customers().forEach(c -> fleet.addCustomer(c.name(), c.displayName(), actor));
        scenario.registries().forEach(r -> fleet.addRegistry(r.name(), r.customer(), r.homeStampByRegion(), actor));
    }
}
