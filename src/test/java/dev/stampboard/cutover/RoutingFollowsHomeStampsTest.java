package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoutingFollowsHomeStampsTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(RoutingFollowsHomeStampsTest.class);

    @Autowired
    Routing routing;

    @Autowired
    FleetService fleet;

    @Test
    void every_seed_replica_is_routed_to_its_home_stamp() {
        for (RegistryInfo registry : fleet.registries()) {
            registry.replicas()
                    .forEach(r -> assertThat(routing.current(registry.name(), r.region()))
                            .as(registry.name() + "@" + r.region())
                            .contains(r.homeStamp()));
        }
    }

    @Test
    void a_home_stamp_change_moves_the_routing_entry_in_the_same_transaction() {
        RegistryInfo registry = fleet.registries().stream()
                .filter(r -> r.homeStamp("westeurope").isPresent())
                .reduce((a, b) -> b)
                .orElseThrow();
        String from = registry.homeStamp("westeurope").orElseThrow();
        String to = fleet.stamps("westeurope").stream()
                .map(s -> s.name())
                .filter(n -> !n.equals(from))
                .findFirst()
                .orElseThrow();
        fleet.rehome(
                dev.stampboard.fleet.RegistryName.of(registry.name()),
                dev.stampboard.fleet.RegionName.of("westeurope"),
                dev.stampboard.fleet.StampName.of(to),
                "routing test",
                Actor.SYSTEM);
        assertThat(routing.current(registry.name(), "westeurope")).contains(to);
    }

    @Test
    void a_registry_declared_through_the_inventory_is_routed_to_its_first_home_stamp() {
        fleet.declareStamp(NAMES.stamp(1), TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareRegistry(
                NAMES.registry("routed"),
                new RegistryDeclaration(
                        NAMES.customer("co"),
                        List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), NAMES.stamp(1)))),
                Actor.SYSTEM);
        assertThat(routing.current(NAMES.registry("routed"), NAMES.region())).contains(NAMES.stamp(1));
    }
}
