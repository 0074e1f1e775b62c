package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;

/**
 * A stamp that just received a registry has none of its layers in the dataproxy node caches and none of its
 * tokens and manifests in the registry pool's caches: every byte comes from storage first. The extra work
 * decays with a half-life of a few hours as the caches fill. The planner's prediction knows nothing of it,
 * so the first hours after a cutover run hotter than predicted.
 */
final class CacheWarmup {

    /** The registry pool warms faster and suffers less: manifests are small. */
    static final double REGISTRY_SHARE_OF_EXTRA = 0.3;

    private CacheWarmup() {}

    /**
     * Multiplier of a registry's work on the stamp it arrived on {@code ageMinutes} ago; 1 for a replica that has
     * always been there ({@code ageMinutes} negative or unknown).
     */
    static double factor(WorldPhysics physics, PoolKind pool, long ageMinutes) {
        if (ageMinutes < 0) {
            return 1.0;
        }
        double extra = physics.warmupExtra() * (pool == PoolKind.REGISTRY ? REGISTRY_SHARE_OF_EXTRA : 1.0);
        double halfLife = physics.warmupHalfLifeMinutes() * (pool == PoolKind.REGISTRY ? 0.5 : 1.0);
        return 1.0 + extra * Math.pow(0.5, ageMinutes / halfLife);
    }
}
