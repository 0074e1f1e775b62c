package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's own record of since which minute each pool has been in its current state, observed once per clock
 * minute; a state first seen at start-up is dated to the start of observation ("since at least"). It decides when
 * this instance publishes {@link PoolStateChanged}, and dates a state only until the shared log
 * ({@link PoolStateLog}, the same on every instance) has it.
 */
@org.springframework.stereotype.Component
final class PoolStateHistory {

    record Since(PoolState state, long sinceMinute, boolean sinceObservationStart) {}

    private record Key(String stamp, PoolKind pool) {}

    private final Map<Key, Since> current = new ConcurrentHashMap<>();
    private volatile long firstObservedMinute = Long.MIN_VALUE;

    /** Records the pool's state at {@code minute}; returns the state it left, if it was observed before in another. */
    java.util.Optional<PoolState> observe(String stamp, PoolKind pool, PoolState state, long minute) {
        if (firstObservedMinute == Long.MIN_VALUE) {
            firstObservedMinute = minute;
        }
        PoolState[] left = new PoolState[1];
        current.compute(new Key(stamp, pool), (k, previous) -> {
            if (previous != null && previous.state() == state) {
                return previous;
            }
            if (previous != null) {
                left[0] = previous.state();
            }
            return new Since(state, minute, previous == null);
        });
        return java.util.Optional.ofNullable(left[0]);
    }

    Since since(String stamp, PoolKind pool, PoolState state, long now) {
        Since since = current.get(new Key(stamp, pool));
        return since != null && since.state() == state ? since : new Since(state, now, true);
    }
}
