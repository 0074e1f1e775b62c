package dev.stampboard.simulator.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a registry's work lands on a pool's nodes. Requests are routed by hashing (repository, layer digest) onto
 * the nodes, and a few hot keys (the base image everyone pulls, the current model) stick to the nodes they hash to:
 * part of a registry's work goes evenly to every node, the rest to a subset of about a third of the nodes chosen
 * by the registry's name. So the hottest node is not the pool average times a constant: it depends on which
 * registries share which nodes, and moving one registry changes it by more or less than its share.
 */
final class NodeAffinity {

    /** A third of the nodes (at least two) take a registry's hot keys. */
    static int subsetSize(int nodes) {
        return Math.min(nodes, Math.max(2, (int) Math.ceil(nodes / 3.0)));
    }

    /**
     * Subsets already chosen. The choice is a pure function of its inputs and the simulator asks for the same ones
     * every minute, for every replica: hashing every node and sorting them each time was about 40 % of a simulated
     * fortnight's CPU (JFR, {@code SeedTableScenarioTest}). Emptied when it grows past {@link #REMEMBERED}, which only
     * a fleet whose node lists keep changing would reach.
     */
    private static final Map<SubsetKey, int[]> SUBSETS = new ConcurrentHashMap<>();

    /**
     * The same answers found by the node list's identity: a stamp's node list is one immutable list for as long as the
     * fleet's snapshot holds it, and hashing and comparing its names on every look-up in {@link #SUBSETS} was most of
     * what the traffic model's minute still cost (JFR, the scenario phase). Only immutable lists are remembered so
     * (their names cannot change behind the key); each entry also keeps the registry's {@link #concentration}.
     */
    private static final Map<PoolNodes, Map<String, Hot>> BY_LIST = new ConcurrentHashMap<>();

    private static final int REMEMBERED = 100_000;

    private record SubsetKey(List<String> nodes, String stamp, String pool, String registry) {}

    /** A registry's hot keys on one pool: the subset and the share of its work that goes there. */
    private record Hot(int[] subset, double concentration) {}

    /** One pool's node list, compared by identity (an immutable list, see {@link #BY_LIST}), with its stamp and pool. */
    private static final class PoolNodes {
        private final List<String> nodes;
        private final String stamp;
        private final String pool;
        private final int hash;

        PoolNodes(List<String> nodes, String stamp, String pool) {
            this.nodes = nodes;
            this.stamp = stamp;
            this.pool = pool;
            this.hash = 31 * (31 * System.identityHashCode(nodes) + stamp.hashCode()) + pool.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PoolNodes other
                    && other.nodes == nodes
                    && other.stamp.equals(stamp)
                    && other.pool.equals(pool);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private NodeAffinity() {}

    /** Share of a registry's work that goes to its hot-key subset: 15–35 %, by name. */
    static double concentration(String registry) {
        return 0.15 + 0.20 * DeterministicNoise.uniform(0xAFF1, registry, "concentration", 0);
    }

    /**
     * Adds {@code work} to {@code nodeWork} (one entry per node of the pool, in the order of {@code nodes}):
     * evenly, except the concentrated part which goes to the registry's subset.
     */
    static void spread(
            double[] nodeWork, List<String> nodes, String stamp, String poolName, String registry, double work) {
        int n = nodes.size();
        if (n == 0 || work == 0) {
            return;
        }
        if (n <= 2) {
            double even = work / n;
            for (int i = 0; i < n; i++) {
                nodeWork[i] += even;
            }
            return;
        }
        Hot h = hot(nodes, stamp, poolName, registry);
        double c = h.concentration();
        double even = work * (1 - c) / n;
        for (int i = 0; i < n; i++) {
            nodeWork[i] += even;
        }
        int[] subset = h.subset();
        double hot = work * c / subset.length;
        for (int i : subset) {
            nodeWork[i] += hot;
        }
    }

    /** The registry's subset and concentration on this pool, found by the list's identity when it is immutable. */
    private static Hot hot(List<String> nodes, String stamp, String poolName, String registry) {
        if (List.copyOf(nodes) != nodes) { // a list its owner may still change: by value, as before
            return new Hot(remembered(nodes, stamp, poolName, registry), concentration(registry));
        }
        Map<String, Hot> byRegistry = BY_LIST.get(new PoolNodes(nodes, stamp, poolName));
        if (byRegistry == null) {
            if (BY_LIST.size() >= REMEMBERED) {
                BY_LIST.clear();
            }
            byRegistry = BY_LIST.computeIfAbsent(new PoolNodes(nodes, stamp, poolName), k -> new ConcurrentHashMap<>());
        }
        Hot known = byRegistry.get(registry);
        if (known == null) {
            known = new Hot(remembered(nodes, stamp, poolName, registry), concentration(registry));
            byRegistry.put(registry, known);
        }
        return known;
    }

    /** The nodes with the lowest hash of (registry, stamp, pool, node): rendezvous hashing, stable as nodes come and go. */
    static int[] subset(List<String> nodes, String stamp, String poolName, String registry) {
        return remembered(nodes, stamp, poolName, registry).clone();
    }

    /** {@link #subset}, chosen once per distinct input; the array is shared, so callers here only read it. */
    private static int[] remembered(List<String> nodes, String stamp, String poolName, String registry) {
        int[] known = SUBSETS.get(new SubsetKey(nodes, stamp, poolName, registry));
        if (known != null) {
            return known;
        }
        int[] chosen = choose(nodes, stamp, poolName, registry);
        if (SUBSETS.size() >= REMEMBERED) {
            SUBSETS.clear();
        }
        // a copy of the node list as the key, so a caller that later changes its list cannot change the key
        SUBSETS.put(new SubsetKey(List.copyOf(nodes), stamp, poolName, registry), chosen);
        return chosen;
    }

    private static int[] choose(List<String> nodes, String stamp, String poolName, String registry) {
        int n = nodes.size();
        int k = subsetSize(n);
        long[] hash = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            hash[i] = DeterministicNoise.hash(0xAFF1, registry, stamp + '/' + poolName + '/' + nodes.get(i), 0);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Long.compare(hash[x], hash[y]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
