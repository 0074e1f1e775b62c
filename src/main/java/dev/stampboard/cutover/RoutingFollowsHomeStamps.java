package dev.stampboard.cutover;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChanged;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each endpoint's routing entry on the replica's home stamp. The change of home stamp and the
 * routing entry are written in the same transaction (the listener runs inside the fleet's), so the
 * embedded routing can never disagree with the inventory. At start-up every replica is pointed once
 * (idempotent), which also seeds a new database.
 */
@Component
class RoutingFollowsHomeStamps {

    private final Routing routing;
    private final FleetService fleet;

    RoutingFollowsHomeStamps(Routing routing, FleetService fleet) {
        this.routing = routing;
        this.fleet = fleet;
    }

    @EventListener
    public void onHomeStampChanged(HomeStampChanged change) {
        routing.pointAt(change.registry(), change.region(), change.toStamp());
    }

    /** After the simulator loaded its scenario (order 10). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    public void pointEveryReplica() {
        for (RegistryInfo registry : fleet.registries()) {
            for (ReplicaInfo replica : registry.replicas()) {
                routing.pointAt(registry.name(), replica.region(), replica.homeStamp());
            }
        }
    }
}
