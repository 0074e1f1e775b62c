package dev.stampboard.capacity;

import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.engine.LevelShift;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalsService;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a pool's load last changed level for a reason the console knows of: a replica moved into or out of its stamp,
 * or a capacity change resized the pool. Its window and its daily peaks before that describe another load.
 */
final class LevelShifts {

    private final FleetService fleet;
    private final SignalsService signals;
    private final CapacityChangeService changes;

    LevelShifts(FleetService fleet, SignalsService signals, CapacityChangeService changes) {
        this.fleet = fleet;
        this.signals = signals;
        this.changes = changes;
    }

    /** The pool's last level shift: a replica moved into or out of its stamp, or the pool resized; null: none. */
    @Nullable
    LevelShift last(String stamp, PoolKind pool) {
        long minute = signals.nowMinute();
        String key = DailyPeakHistory.key(stamp, pool);
        long now = System.nanoTime();
        ShiftMemo memo = shifts.get(key);
        if (memo == null || memo.minute() != minute || now - memo.readAt() > MEMO_NANOS) {
            memo = new ShiftMemo(minute, now, later(lastMove(stamp), lastResize(stamp, pool)));
            shifts.put(key, memo);
        }
        return memo.shift();
    }

    /**
     * How long a read shift is used again within the same minute. A move or resize committed on any instance shows on
     * every instance within this (issue 18: instances agree within seconds); kept only for one minute, one instance
     * could show the old level for up to a minute after another showed the new one.
     */
    private static final long MEMO_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    /** A pool's last level shift as read at {@code readAt} in one (simulated) minute: a page asks once per stamp. */
    private record ShiftMemo(
            long minute, long readAt, @Nullable LevelShift shift) {}

    private final Map<String, ShiftMemo> shifts = new java.util.concurrent.ConcurrentHashMap<>();

    private @Nullable LevelShift lastMove(String stamp) {
        HomeStampChange last = null;
        for (HomeStampChange c : fleet.homeStampChangesOf(stamp)) {
            // a first placement (no fromStamp) is the seed's or an inventory's declaration, not a move
            if (c.fromStamp() != null && (last == null || c.changedAt().isAfter(last.changedAt()))) {
                last = c;
            }
        }
        if (last == null) {
            return null;
        }
        return new LevelShift(
                last.changedAt(),
                last.registry() + " moved "
                        + (stamp.equals(last.toStamp()) ? "in from " + last.fromStamp() : "out to " + last.toStamp()));
    }

    private @Nullable LevelShift lastResize(String stamp, PoolKind pool) {
        return changes.lastResize(stamp, pool)
                .map(at -> new LevelShift(
                        at,
                        "the " + pool.name().toLowerCase(java.util.Locale.ROOT) + " pool resized by a capacity change"))
                .orElse(null);
    }

    private static @Nullable LevelShift later(@Nullable LevelShift a, @Nullable LevelShift b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.at().isAfter(a.at()) ? a : b;
    }
}
