package dev.stampboard.capacity.change;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.isolation.DedicatedStampGrowthRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issue 17 item 5: an approved isolation request grows its customer's existing dedicated stamp through a capacity
 * change per pool that is too small. Delivered through Modulith's publication registry after the request's step
 * committed, and again after a restart if the console stopped first; a redelivery finds the changes already there.
 */
@Component
class DedicatedStampGrowth {

    private final CapacityChangeService changes;

    DedicatedStampGrowth(CapacityChangeService changes) {
        this.changes = changes;
    }

    @ApplicationModuleListener
    void on(DedicatedStampGrowthRequested event) {
        String reason = "Isolation request "
                + event.requestId().substring(0, Math.min(8, event.requestId().length()))
                + " of " + event.customer()
                + ": the dedicated stamp grows to the summed sizing of its approved requests ("
                + event.arithmetic() + ")";
        grow(event, PoolKind.REGISTRY, event.registryNodes(), reason);
        grow(event, PoolKind.DATAPROXY, event.dataproxyNodes(), reason);
    }

    private void grow(DedicatedStampGrowthRequested event, PoolKind pool, int nodes, String reason) {
        changes.growForIsolation(
                event.requestId(), event.stamp(), pool, nodes, reason, event.requestedBy(), event.approvedBy());
    }
}
