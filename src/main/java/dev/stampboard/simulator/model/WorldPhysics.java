package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;

/**
 * The constants of the simulated world: what an idle node burns, how much work fills a node, and how strongly the
 * effects the planner does not model (cold caches, hashing onto node subsets) act. One unit of REGISTRY work is a
 * manifest or auth request; one unit of DATAPROXY work is a byte served from a warm node cache.
 *
 * @param registryIdleCpu         CPU % of an idle REGISTRY node (the planner assumes its own, different b)
 * @param dataproxyIdleCpu        CPU % of an idle DATAPROXY node
 * @param workPerRegistryNode     REGISTRY work units per minute that fill one node
 * @param workPerDataproxyNode    DATAPROXY work units per minute that fill one node
 * @param warmupExtra             extra work per byte on a stamp whose cache holds none of a registry's layers
 * @param warmupHalfLifeMinutes   how fast that extra decays (half-life) after the registry arrives
 */
public record WorldPhysics(
        double registryIdleCpu,
        double dataproxyIdleCpu,
        double workPerRegistryNode,
        double workPerDataproxyNode,
        double warmupExtra,
        double warmupHalfLifeMinutes) {

    /** 30k manifest-equivalents/min (500 rps) per registry node; 45 GB/min (6 Gbit/s) of warm bytes per dataproxy node. */
    public static final WorldPhysics DEFAULT = new WorldPhysics(4.0, 4.5, 30_000, 45e9, 0.5, 90);

    public double idleCpu(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? registryIdleCpu : dataproxyIdleCpu;
    }

    public double workPerNode(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? workPerRegistryNode : workPerDataproxyNode;
    }

    /** CPU % of a node doing {@code work} units this minute (not clamped). */
    double cpu(PoolKind pool, double work) {
        double idle = idleCpu(pool);
        return idle + (100.0 - idle) * work / workPerNode(pool);
    }

    /** The work a node does at {@code cpu} % (inverse of {@link #cpu}). */
    double work(PoolKind pool, double cpu) {
        double idle = idleCpu(pool);
        return (cpu - idle) / (100.0 - idle) * workPerNode(pool);
    }
}
