package dev.stampboard.fleet;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a stamp's state history: its status and the nodes of its pools as a write of the inventory left them
 * at {@code changedAt} (a declaration, a resize, an activation). Stamps declared before the history existed start
 * with their state then, dated at the epoch.
 */
public record StampStateChange(
        long id,
        String stamp,
        String region,
        StampKind kind,
        StampStatus status,
        List<String> registryNodes,
        List<String> dataproxyNodes,
        Instant changedAt) {

    public StampStateChange {
        registryNodes = List.copyOf(registryNodes);
        dataproxyNodes = List.copyOf(dataproxyNodes);
    }

    public List<String> nodes(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? registryNodes : dataproxyNodes;
    }

    /** Whether the stamp as the inventory shows it is what this entry says (status and nodes). */
    public boolean describes(StampInfo stamp) {
        return stamp.name().equals(this.stamp)
                && stamp.status() == status
                && stamp.nodes(PoolKind.REGISTRY).equals(registryNodes)
                && stamp.nodes(PoolKind.DATAPROXY).equals(dataproxyNodes);
    }
}
