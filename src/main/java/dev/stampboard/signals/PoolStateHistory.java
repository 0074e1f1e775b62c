package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers since which minute each pool has been in its current state, so an alert can say
 * "HOT since 14:02". Observed once per clock minute; a state first seen at start-up is dated to
 * the start of observation, which the dashboard shows as "since at least".
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
