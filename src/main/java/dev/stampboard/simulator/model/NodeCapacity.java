package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;

/**
 * How the simulator turns traffic into node CPU — the same linear model the planner's prediction assumes (DESIGN §3):
 * {@code cpu = idle + (100 − idle) · (pool traffic / nodes) / capacity · skew}. A node at its idle baseline
 * serves nothing; an average node serving {@code capacity} per minute is fully busy.
 *
 * @param registryIdleCpu       baseline CPU % of an idle REGISTRY node (the planner's <i>b</i>)
 * @param dataproxyIdleCpu      baseline CPU % of an idle DATAPROXY node
 * @param requestsPerNodeMinute requests per minute that fill one REGISTRY node
 * @param bytesPerNodeMinute    bytes per minute that fill one DATAPROXY node
 */
public record NodeCapacity(double registryIdleCpu, double dataproxyIdleCpu, double requestsPerNodeMinute,
                           double bytesPerNodeMinute) {

    /** 30k requests/min (500 rps) per registry node; 45 GB/min (6 Gbit/s) per dataproxy node. */
    public static final NodeCapacity DEFAULT = new NodeCapacity(7.0, 6.0, 30_000, 45e9);

    public double idleCpu(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? registryIdleCpu : dataproxyIdleCpu;
    }

    /** Requests (REGISTRY) or bytes (DATAPROXY) per minute that fill one node. */
    public double perNodeMinute(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? requestsPerNodeMinute : bytesPerNodeMinute;
    }

    /** CPU % of an average node (skew 1) when the pool serves {@code traffic} per minute over {@code nodes} nodes. */
    public double averageNodeCpu(PoolKind pool, double traffic, int nodes) {
        double idle = idleCpu(pool);
        return idle + (100.0 - idle) * traffic / nodes / perNodeMinute(pool);
    }

    /** The pool traffic per minute at which the hottest node of a pool with {@code nodes} nodes reaches {@code hotCpu}. */
    public double trafficForHotNodeCpu(PoolKind pool, double hotCpu, int nodes) {
        double idle = idleCpu(pool);
        return (hotCpu - idle) / (100.0 - idle) / NodeSkew.hottest(nodes) * nodes * perNodeMinute(pool);
    }
}
