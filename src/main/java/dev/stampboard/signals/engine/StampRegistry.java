package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stamps and pools the engine knows, each stamp with a stable index (the traffic ledger's) and each pool with
 * its {@link PoolSeries}. Not thread-safe on its own: {@link SignalEngine} calls it under its lock.
 */
final class StampRegistry {

    private final Map<String, Entry> stamps = new HashMap<>();
    private final List<PoolSeries> pools = new ArrayList<>();

    /** A declared stamp: its index in declaration order and its pools by {@link PoolKind} ordinal. */
    static final class Entry {
        final int index;
        final PoolSeries[] pools = new PoolSeries[PoolKind.values().length];

        Entry(int index) {
            this.index = index;
        }
    }

    /**
     * Declares a pool or adds nodes to it; existing nodes keep their index and their samples. Returns whether the
     * stamp is new (its traffic rings are then still to be added).
     */
    boolean declarePool(String stamp, PoolKind pool, Collection<String> nodes, int retentionMinutes) {
        Entry entry = stamps.get(stamp);
        boolean created = entry == null;
        if (entry == null) {
            entry = new Entry(stamps.size());
            stamps.put(stamp, entry);
        }
        PoolSeries series = entry.pools[pool.ordinal()];
        if (series == null) {
            series = new PoolSeries(stamp, pool, retentionMinutes, pools.size());
            entry.pools[pool.ordinal()] = series;
            pools.add(series);
        }
        series.ring.addNodes(nodes);
        return created;
    }

    @Nullable
    Entry find(String stamp) {
        return stamps.get(stamp);
    }

    /** The pool's series, or null when the stamp or its pool is not declared. */
    @Nullable
    PoolSeries find(String stamp, PoolKind pool) {
        Entry entry = stamps.get(stamp);
        return entry == null ? null : entry.pools[pool.ordinal()];
    }

    Entry require(String stamp) {
        Entry entry = stamps.get(stamp);
        if (entry == null) {
            throw new IllegalArgumentException("unknown stamp '" + stamp + "'");
        }
        return entry;
    }

    PoolSeries require(String stamp, PoolKind pool) {
        PoolSeries series = require(stamp).pools[pool.ordinal()];
        if (series == null) {
            throw new IllegalArgumentException("stamp '" + stamp + "' has no " + pool + " pool");
        }
        return series;
    }

    /** Every pool, in declaration order. */
    List<PoolSeries> pools() {
        return pools;
    }
}
