package dev.stampboard.simulator.model;

import java.util.List;

/**
 * The fleet as the simulator sees it at one moment. The caller builds it from the database for every minute,
 * so home-stamp changes (cutovers), new stamps and scaled pools show up in the very next simulated minute.
 */
public record FleetLayout(List<StampLayout> stamps, List<ReplicaLayout> replicas) {

    public FleetLayout {
        stamps = List.copyOf(stamps);
        replicas = List.copyOf(replicas);
    }
}
