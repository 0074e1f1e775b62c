package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The shared pool-state log's rules, plain Java: which rows one observed minute adds, and which row dates a pool's
 * current state. {@link PoolStateLog} stores and follows the rows.
 *
 * <p>A pool seen for the first time gets a row flagged {@code atLeast} (it may have been in that state before anyone
 * watched); after that a row only when its state differs from its newest row's, dated to the observed minute. A
 * minute not after the newest row's adds nothing (the log only moves forward). The newest row of a pool is the one
 * with the latest minute, and of two with the same minute the one stored last.
 */
final class PoolStateTransitions {

    /** A pool's state as one instance's engine judged it at an observed minute. */
    record Observation(String stamp, PoolKind pool, PoolState state) {}

    /** A row to store: the pool is in {@code state} from {@code sinceMinute}. */
    record Transition(String stamp, PoolKind pool, PoolState state, long sinceMinute, boolean atLeast) {}

    /** A stored row: what dates the pool's state while it is the newest. */
    record Entry(PoolState state, long sinceMinute, boolean atLeast, long seq) {
        boolean newerThan(Entry other) {
            return sinceMinute != other.sinceMinute ? sinceMinute > other.sinceMinute : seq > other.seq;
        }
    }

    private record Key(String stamp, PoolKind pool) {}

    private final Map<Key, Entry> newest = new ConcurrentHashMap<>();

    /** The rows that observing {@code observed} at {@code minute} adds to the log as it stands. */
    List<Transition> at(long minute, List<Observation> observed) {
        List<Transition> rows = new ArrayList<>();
        for (Observation o : observed) {
            Entry e = newest.get(new Key(o.stamp(), o.pool()));
            if (e == null) {
                rows.add(new Transition(o.stamp(), o.pool(), o.state(), minute, true));
            } else if (e.state() != o.state() && e.sinceMinute() < minute) {
                rows.add(new Transition(o.stamp(), o.pool(), o.state(), minute, false));
            }
        }
        return rows;
    }

    /** Takes a stored row (read back, followed, or just written) in; an older one than the pool's newest changes nothing. */
    void add(String stamp, PoolKind pool, Entry entry) {
        newest.merge(new Key(stamp, pool), entry, (old, fresh) -> fresh.newerThan(old) ? fresh : old);
    }

    /** The pool's newest row, if it has one. */
    Optional<Entry> newest(String stamp, PoolKind pool) {
        return Optional.ofNullable(newest.get(new Key(stamp, pool)));
    }

    /** The pool's newest row when it is in {@code state}; null when it has none or another state. */
    @Nullable
    Entry dating(String stamp, PoolKind pool, PoolState state) {
        Entry e = newest.get(new Key(stamp, pool));
        return e != null && e.state() == state ? e : null;
    }
}
