package dev.stampboard.simulator.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet as the simulator sees it at one moment. The caller builds it from the database for every minute,
 * so home-stamp changes (cutovers), new stamps and scaled pools show up in the very next simulated minute.
 * A replica is served by its home stamp as listed, even if that stamp is in another region (moves never leave a
 * region; keeping that rule is the caller's job), with the daily shape of the stamp's time zone.
 */
public record FleetLayout(List<StampLayout> stamps, List<ReplicaLayout> replicas) {

    public FleetLayout {
        stamps = List.copyOf(stamps);
        replicas = List.copyOf(replicas);
        // a stamp listed twice or a replica bound to two stamps would count traffic twice: refuse it here
        Set<String> stampNames = new HashSet<>();
        for (StampLayout s : stamps) {
            if (!stampNames.add(s.name())) {
                throw new IllegalArgumentException("stamp " + s.name() + " is listed twice");
            }
        }
        Set<String> replicaKeys = new HashSet<>();
        for (ReplicaLayout r : replicas) {
            if (!replicaKeys.add(r.registry() + '@' + r.region())) {
                throw new IllegalArgumentException(
                        "replica of " + r.registry() + " in " + r.region() + " has more than one home stamp");
            }
        }
    }
}
