package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Load is never spread perfectly: a few nodes of every pool run a bit hotter (connection affinity, big layers
 * cached on one node). The seed and the node names decide <i>which</i> nodes are hot; the <i>amount</i> depends
 * only on the node count, so the hot-node CPU of a pool — and the scenario's calibration — does not shift
 * with the seed. Skews average to 1, so the pool's total load is unchanged.
 */
final class NodeSkew {

    /** Extra load of the hottest, second and third node. */
    private static final double[] HOT_EXTRA = {0.10, 0.06, 0.04};
    /** The other nodes differ by up to ±1.5 %, never enough to overtake the third-hottest. */
    private static final double JITTER = 0.015;

    private NodeSkew() {
    }

    /** Per-node load multipliers, in the order of {@code nodes}. */
    static double[] of(long seed, String stamp, PoolKind pool, List<String> nodes) {
        int n = nodes.size();
        double[] skew = new double[n];
        if (n == 0) {
            return skew;
        }
        String poolName = pool.name();
        Integer[] byRank = new Integer[n];
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            byRank[i] = i;
            hash[i] = DeterministicNoise.hash(seed, stamp, poolName + '/' + nodes.get(i), 0x5EED);
        }
        Arrays.sort(byRank, Comparator.comparingLong(i -> hash[i]));
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            int i = byRank[rank];
            double extra = rank < HOT_EXTRA.length
                    ? HOT_EXTRA[rank]
                    : JITTER * (2 * DeterministicNoise.uniform(seed, stamp, poolName + '/' + nodes.get(i), 0x5EEE) - 1);
            skew[i] = 1.0 + extra;
            sum += skew[i];
        }
        double mean = sum / n;
        for (int i = 0; i < n; i++) {
            skew[i] /= mean;
        }
        return skew;
    }

    /** The hottest node's multiplier in a pool of {@code n} nodes (expected value; the jitter of the others is ignored). */
    static double hottest(int n) {
        if (n <= 1) {
            return 1.0;
        }
        double extra = 0;
        for (int rank = 0; rank < Math.min(n, HOT_EXTRA.length); rank++) {
            extra += HOT_EXTRA[rank];
        }
        return (1.0 + HOT_EXTRA[0]) / (1.0 + extra / n);
    }
}
