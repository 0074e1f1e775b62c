package dev.stampboard.dashboard;

import java.util.List;

/**
 * Who makes a stamp's heat, by customer: its share of the registry pool's requests and of the dataproxy
 * pool's bytes over the peak window, summed over its registries (listed beneath, same measures).
 */
public record CustomerShare(String customer, double registryShare, double dataproxyShare, List<Registry> registries) {

    public record Registry(String registry, double registryShare, double dataproxyShare) {}

    /** The larger of the two pools' shares: what orders customers (the hotter pool decides). */
    public double worst() {
        return Math.max(registryShare, dataproxyShare);
    }
}
