package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;

/**
 * What one request and one byte of a registry really cost, which request counts and byte counts do not show.
 * A request is a manifest or auth call (cost 1) or a blob redirect (cost 0.45); the mix differs by registry
 * (CI pulls check many manifests, model pulls fetch few huge layers). A byte costs more when the registry's layers
 * rarely hit the dataproxy's node cache (many distinct layers, little reuse). Both follow from the registry's name
 * only — a property of the tenant, not of the run — so the scenario can size its stamps with them.
 *
 * @param manifestFraction share of requests that are manifest/auth calls
 * @param cacheMissRatio   share of bytes the dataproxy fetches from storage instead of its cache
 */
record RegistryCost(double manifestFraction, double cacheMissRatio) {

    static final double BLOB_REQUEST_COST = 0.45;
    /** A cache miss costs this much more than a hit (fetch from storage, then serve). */
    static final double MISS_PENALTY = 1.2;

    static RegistryCost of(String registry) {
        double m = DeterministicNoise.uniform(0xC057, registry, "manifests", 0);
        double c = DeterministicNoise.uniform(0xC057, registry, "cache", 0);
        return new RegistryCost(0.2 + 0.6 * m, 0.05 + 0.45 * c);
    }

    /** REGISTRY work units per request. */
    double perRequest() {
        return manifestFraction + (1 - manifestFraction) * BLOB_REQUEST_COST;
    }

    /** DATAPROXY work units per byte, with a warm cache. */
    double perByte() {
        return 1 + MISS_PENALTY * cacheMissRatio - MISS_PENALTY * 0.25;
    }

    double per(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? perRequest() : perByte();
    }
}
