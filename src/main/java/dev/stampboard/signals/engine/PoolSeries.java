package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One pool's CPU history ({@link NodeCpuRing}, the minute ring) feeding the hot-node values of the trailing window
 * into its {@link TrailingP95Window}. Not thread-safe: {@link SignalEngine} guards it.
 *
 * <p>Incremental P95: the ring's hot value of a minute is kept current as samples arrive (it only ever rises, since
 * samples are never replaced), and the <em>window</em> holds the hot values of the trailing-window minutes.
 * A slot whose hot value rose since the window last saw it is queued in {@code dirty} together with the value
 * the window still holds for it, and applied in {@link #flush} — so a minute whose 40 nodes report one by one
 * costs one window update, not up to 40. Outside of the queue, window contents equal the hot values, which is
 * what lets expiry remove a slot's hot value without a second per-slot array, and what the window is rebuilt
 * from when it asks to be.
 */
final class PoolSeries {

    /** Past this many queued slots (late samples for many minutes) the queue is applied at once. */
    private static final int MAX_QUEUED = 16;

    final String stamp;
    final PoolKind kind;
    /** The samples and each minute's hot value; read directly by {@link CpuSignals}. */
    final NodeCpuRing ring;

    private final TrailingP95Window window;
    /** Queued slots: slot in the high 32 bits, float bits of the value the window holds (or NO_SAMPLE) low. */
    private long[] dirty = new long[2];

    private int dirtyCount;
    boolean queuedForFlush;

    /** @param id the pool's index in the engine; only spreads rebuilds of different pools over time */
    PoolSeries(String stamp, PoolKind kind, int retention, int id) {
        this.stamp = stamp;
        this.kind = kind;
        this.ring = new NodeCpuRing(retention);
        this.window = new TrailingP95Window(id);
    }

    /**
     * Stores a sample the engine has validated (known node, retained minute, no sample yet).
     *
     * @param now           the engine's current minute
     * @param windowMinutes the trailing window, 0 for none (a daily window)
     * @return true when this pool has just become dirty and must be flushed before its P95 is read
     */
    boolean record(int node, long minute, float value, long now, int windowMinutes) {
        boolean inTrailingWindow = windowMinutes > 0 && minute > now - windowMinutes;
        int s = ring.slot(minute);
        float previous = ring.store(s, node, minute, value);
        if (value <= previous) {
            return false;
        }
        if (!inTrailingWindow || isQueued(s)) {
            ring.raiseHot(s, value);
            return false;
        }
        if (dirtyCount == MAX_QUEUED) {
            // before the hot value changes: a rebuild in flush reads every window slot's hot value
            flush(now, windowMinutes);
        }
        ring.raiseHot(s, value);
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, dirtyCount * 2);
        }
        dirty[dirtyCount++] = ((long) s << 32) | (Float.floatToRawIntBits(previous) & 0xFFFF_FFFFL);
        boolean newlyQueued = !queuedForFlush;
        queuedForFlush = true;
        return newlyQueued;
    }

    private boolean isQueued(int s) {
        for (int i = 0; i < dirtyCount; i++) {
            if ((int) (dirty[i] >>> 32) == s) {
                return true;
            }
        }
        return false;
    }

    // ---- incremental trailing-window P95 ----

    /** Applies queued hot-value changes to the window; {@code now} is the engine's current minute. */
    void flush(long now, int windowMinutes) {
        applyQueue();
        settle(now, windowMinutes);
    }

    private void applyQueue() {
        for (int i = 0; i < dirtyCount; i++) {
            int s = (int) (dirty[i] >>> 32);
            float held = Float.intBitsToFloat((int) dirty[i]);
            if (held < 0) {
                window.insert(ring.hotAt(s));
            } else {
                window.replace(held, ring.hotAt(s));
            }
        }
        dirtyCount = 0;
        queuedForFlush = false;
    }

    /**
     * Applies queued hot values, then moves the pool from {@code oldNow} to {@code newNow}: minutes leaving
     * the trailing window leave the window, and slots of minutes leaving retention become stale.
     */
    void flushAndAdvance(long oldNow, long newNow, int windowMinutes) {
        if (newNow - oldNow == 1 && windowMinutes > 0) {
            advanceOneMinute(windowMinutes, newNow, ring.slot(oldNow - windowMinutes + 1), ring.slot(newNow));
        } else {
            flushAndAdvanceGeneral(oldNow, newNow, windowMinutes);
        }
    }

    /**
     * The every-minute case of {@link #flushAndAdvance} with a trailing window. The slots are the same for
     * every pool (one retention for all), so the engine computes them once instead of 4,000 divisions.
     *
     * @param newNow      the new current minute
     * @param leavingSlot slot of the minute leaving the trailing window
     * @param newSlot     slot of the new current minute, taken over from the minute leaving retention
     */
    void advanceOneMinute(int windowMinutes, long newNow, int leavingSlot, int newSlot) {
        float leaving = ring.hotAt(leavingSlot);
        if (dirtyCount == 1 && windowMinutes > 1) {
            int added = (int) (dirty[0] >>> 32);
            float held = Float.intBitsToFloat((int) dirty[0]);
            if (held < 0 && added != leavingSlot && leaving >= 0) {
                // Steady state, one minute in and one out: one replace, and nothing at all when both
                // values are below the floor (the usual case).
                window.replace(leaving, ring.hotAt(added));
                dirtyCount = 0;
                queuedForFlush = false;
                ring.expire(newSlot);
                settle(newNow, windowMinutes);
                return;
            }
        }
        applyQueue();
        leaving = ring.hotAt(leavingSlot);
        if (leaving >= 0) {
            window.remove(leaving);
        }
        ring.expire(newSlot);
        settle(newNow, windowMinutes);
    }

    private void flushAndAdvanceGeneral(long oldNow, long newNow, int windowMinutes) {
        applyQueue();
        if (windowMinutes > 0) {
            if (newNow - oldNow >= windowMinutes) {
                window.clear();
            } else {
                for (long m = oldNow - windowMinutes + 1; m <= newNow - windowMinutes; m++) {
                    float leaving = ring.hotAt(ring.slot(m));
                    if (leaving >= 0) {
                        window.remove(leaving);
                    }
                }
            }
        }
        ring.retire(oldNow, newNow);
        settle(newNow, windowMinutes);
    }

    /**
     * Reads, without changing anything, the memory {@link #advanceOneMinute} is about to use: the leaving
     * and the queued hot-value slots. Called for a batch of pools before advancing them, so that the cache
     * misses of many pools overlap instead of stalling one at a time.
     */
    float touchForAdvance(int leavingSlot) {
        float sum = ring.hotAt(leavingSlot);
        if (dirtyCount > 0) {
            sum += ring.hotAt((int) (dirty[0] >>> 32));
        }
        return sum;
    }

    OptionalDouble incrementalP95() {
        return window.p95();
    }

    /** Empties the window (a daily peak window is computed on demand instead). */
    void clearWindow() {
        window.clear();
        dirtyCount = 0;
        queuedForFlush = false;
    }

    /** Refills the window from the hot values of {@code range} (after a settings change). */
    void rebuildWindow(MinuteRange range) {
        clearWindow();
        rebuildWindow(range.toMinute(), (int) range.lengthMinutes());
    }

    /** Rebuilds the window when it asks to, from the hot values of {@code (now - windowMinutes, now]}. */
    private void settle(long now, int windowMinutes) {
        if (window.needsRebuild()) {
            rebuildWindow(now, windowMinutes);
        }
    }

    /** Refills the window from the hot values of {@code (now - windowMinutes, now]}, which also applies every queued change. */
    private void rebuildWindow(long now, int windowMinutes) {
        float[] values = new float[windowMinutes];
        int n = ring.collectHotValues(now - windowMinutes + 1, now, values, false);
        window.rebuild(values, n);
        dirtyCount = 0;
        queuedForFlush = false;
    }
}
