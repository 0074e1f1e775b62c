package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampName;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class RoutingFollowsHomeStampsTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(RoutingFollowsHomeStampsTest.class);

    @Autowired
    Routing routing;

    @Autowired
    FleetService fleet;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void every_seed_replica_is_routed_to_its_home_stamp() {
        for (RegistryInfo registry : fleet.registries()) {
            registry.replicas()
                    .forEach(r -> assertThat(routing.current(registry.name(), r.region()))
                            .as(registry.name() + "@" + r.region())
                            .contains(r.homeStamp()));
        }
    }

    /**
     * On stamps of its own: the seed's registries stay where the seed put them for every other class in the shared
     * context. Inside the move's transaction the entry already points at the new stamp; rolled back, at the old one.
     */
    @Test
    void a_home_stamp_change_moves_the_routing_entry_in_the_same_transaction() {
        String registry = NAMES.registry("moved");
        fleet.declareStamp(NAMES.stamp(2), TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareStamp(NAMES.stamp(3), TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareRegistry(
                registry,
                new RegistryDeclaration(
                        NAMES.customer("co"),
                        List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), NAMES.stamp(2)))),
                Actor.SYSTEM);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            move(registry, NAMES.stamp(3));
            assertThat(routing.current(registry, NAMES.region())).contains(NAMES.stamp(3));
            status.setRollbackOnly();
        });
        assertThat(routing.current(registry, NAMES.region()))
                .as("rolled back with the move")
                .contains(NAMES.stamp(2));

        move(registry, NAMES.stamp(3));
        assertThat(routing.current(registry, NAMES.region())).contains(NAMES.stamp(3));
    }

    private void move(String registry, String to) {
        fleet.rehome(
                RegistryName.of(registry),
                RegionName.of(NAMES.region()),
                StampName.of(to),
                "routing test",
                Actor.SYSTEM);
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
