package dev.stampboard.simulator.model;

import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

/**
 * One stamp as it is right now: its region (and that region's time zone, which shapes the daily traffic),
 * its status and the nodes of its two pools. Only an {@link StampStatus#ACTIVE} stamp serves traffic;
 * the nodes of any stamp in the layout report CPU (an idle pool still reports its baseline).
 */
public record StampLayout(
        String name,
        String region,
        ZoneId regionZone,
        StampKind kind,
        StampStatus status,
        List<String> registryNodes,
        List<String> dataproxyNodes) {

    public StampLayout {
        registryNodes = List.copyOf(registryNodes);
        dataproxyNodes = List.copyOf(dataproxyNodes);
        // node names identify a node's samples within its pool
        if (new HashSet<>(registryNodes).size() != registryNodes.size()
                || new HashSet<>(dataproxyNodes).size() != dataproxyNodes.size()) {
            throw new IllegalArgumentException("stamp " + name + " has a node name twice in one pool");
        }
    }

    /** An {@link StampStatus#ACTIVE} stamp. */
    public StampLayout(
            String name,
            String region,
            ZoneId regionZone,
            StampKind kind,
            List<String> registryNodes,
            List<String> dataproxyNodes) {
        this(name, region, regionZone, kind, StampStatus.ACTIVE, registryNodes, dataproxyNodes);
    }

    public boolean serves() {
        return status == StampStatus.ACTIVE;
    }
}
