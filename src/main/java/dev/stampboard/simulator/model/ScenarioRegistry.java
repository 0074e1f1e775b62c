package dev.stampboard.simulator.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registry ({@code contoso.azurecr.io}), its owner, the initial home stamp of its replica in each region it is
 * geo-replicated to, and its traffic profile. Every replica follows the same profile in its own region's time zone.
 */
public record ScenarioRegistry(
        String name, String customer, Map<String, String> homeStampByRegion, TrafficProfile profile) {

    public ScenarioRegistry {
        // sorted, so that the initial layout lists replicas in the same order on every run
        homeStampByRegion = Collections.unmodifiableMap(new TreeMap<>(homeStampByRegion));
    }
}
