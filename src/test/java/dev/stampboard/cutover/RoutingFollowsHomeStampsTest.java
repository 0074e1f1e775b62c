package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stampboard.SpringTest;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;

class RoutingFollowsHomeStampsTest extends SpringTest {

    @Autowired
    Routing routing;
    @Autowired
    FleetService fleet;

    @Test
    void every_seed_replica_is_routed_to_its_home_stamp() {
        for (RegistryInfo registry : fleet.registries()) {
            registry.replicas().forEach(r -> assertThat(routing.current(registry.name(), r.region()))
                    .as(registry.name() + "@" + r.region()).contains(r.homeStamp()));
        }
    }

    @Test
    void a_home_stamp_change_moves_the_routing_entry_in_the_same_transaction() {
        RegistryInfo registry = fleet.registries().stream()
                .filter(r -> r.homeStamp("westeurope").isPresent()).reduce((a, b) -> b).orElseThrow();
        String from = registry.homeStamp("westeurope").orElseThrow();
        String to = fleet.stamps("westeurope").stream().map(s -> s.name()).filter(n -> !n.equals(from)).findFirst().orElseThrow();
        fleet.rehome(registry.name(), "westeurope", to, "routing test", dev.stampboard.base.Actor.SYSTEM);
        assertThat(routing.current(registry.name(), "westeurope")).contains(to);
    }
}
