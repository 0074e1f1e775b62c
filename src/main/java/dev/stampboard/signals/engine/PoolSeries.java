package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One pool's CPU history as a ring of minute slots, feeding the hot-node values of the trailing window
 * into its {@link TrailingP95Window}. Not thread-safe: {@link SignalEngine} guards it.
 *
 * <p>Layout: {@code cpu[slot * nodeCapacity + node]}, slot = minute mod retention, so one minute's row is
 * contiguous and its maximum is a tight loop. A missing sample is {@link #NO_SAMPLE}.
 *
 * <p>Incremental P95: {@code hot[slot]} is kept current as samples arrive (it only ever rises, since samples
 * are never replaced), and the <em>window</em> holds the hot values of the trailing-window minutes.
 * A slot whose hot value rose since the window last saw it is queued in {@code dirty} together with the value
 * the window still holds for it, and applied in {@link #flush} — so a minute whose 40 nodes report one by one
 * costs one window update, not up to 40. Outside of the queue, window contents equal the hot values, which is
 * what lets expiry remove {@code hot[slot]} without a second per-slot array, and what the window is rebuilt
 * from when it asks to be.
 *
 * <p>Advancing time does not wipe a reused slot's row (that would touch cold memory for every pool every
 * minute); it marks {@code hot[slot]} {@link #STALE} and the row is wiped by the first sample written to it.
 * Every reader treats a stale slot as empty.
 */
final class PoolSeries {

    /**
     * "No sample" marker. Valid CPU is 0..100, so any negative value is free; a negative number rather than
     * NaN keeps the row maximum a plain comparison, and a row with no sample has a negative maximum.
     */
    static final float NO_SAMPLE = -1f;
    /** In {@code hot} only: the slot's row still holds an expired minute and must be read as empty. */
    private static final float STALE = -2f;
    /** Past this many queued slots (late samples for many minutes) the queue is applied at once. */
    private static final int MAX_QUEUED = 16;

    final String stamp;
    final PoolKind kind;

    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodeNames = new ArrayList<>();

    private int retention;
    private int nodeCapacity;
    private float[] cpu;
    private float[] hot;
    private long[] latestMinute;
    private float[] latestCpu;

    private final TrailingP95Window window;
    /** Queued slots: slot in the high 32 bits, float bits of the value the window holds (or NO_SAMPLE) low. */
    private long[] dirty = new long[2];

    private int dirtyCount;
    boolean queuedForFlush;

    /** @param id the pool's index in the engine; only spreads rebuilds of different pools over time */
    PoolSeries(String stamp, PoolKind kind, int retention, int id) {
        this.stamp = stamp;
        this.kind = kind;
        this.retention = retention;
        this.cpu = new float[0];
        this.hot = filled(retention, NO_SAMPLE);
        this.latestMinute = new long[0];
        this.latestCpu = new float[0];
        this.window = new TrailingP95Window(id);
    }

    // ---- nodes ----

    int nodeIndex(String node) {
        Integer index = nodeIndex.get(node);
        return index == null ? -1 : index;
    }

    int nodeCount() {
        return nodeNames.size();
    }

    List<String> nodeNames() {
        return nodeNames;
    }

    /** New nodes get the next indices; existing nodes keep theirs and their samples. */
    void addNodes(Collection<String> nodes) {
        for (String node : nodes) {
            if (!nodeIndex.containsKey(node)) {
                nodeIndex.put(node, nodeNames.size());
                nodeNames.add(node);
            }
        }
        if (nodeNames.size() > nodeCapacity) {
            relayout(retention, nodeNames.size(), Long.MIN_VALUE);
        }
    }

    // ---- samples ----

    int slot(long minute) {
        return (int) Math.floorMod(minute, (long) retention);
    }

    /** The node's sample for a retained minute, or {@link #NO_SAMPLE}. */
    float sample(int node, long minute) {
        int s = slot(minute);
        return hot[s] == STALE ? NO_SAMPLE : cpu[s * nodeCapacity + node];
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
        int s = slot(minute);
        if (hot[s] == STALE) {
            Arrays.fill(cpu, s * nodeCapacity, (s + 1) * nodeCapacity, NO_SAMPLE);
            hot[s] = NO_SAMPLE;
        }
        cpu[s * nodeCapacity + node] = value;
        if (minute > latestMinute[node]) {
            latestMinute[node] = minute;
            latestCpu[node] = value;
        }
        float previous = hot[s];
        if (value <= previous) {
            return false;
        }
        if (!inTrailingWindow || isQueued(s)) {
            hot[s] = value;
            return false;
        }
        if (dirtyCount == MAX_QUEUED) {
            // before hot[s] changes: a rebuild in flush reads every window slot's hot value
            flush(now, windowMinutes);
        }
        hot[s] = value;
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

    /** Newest sample per node if still retained, else NaN. */
    float latestCpu(int node, long oldestRetained) {
        return latestMinute[node] >= oldestRetained ? latestCpu[node] : Float.NaN;
    }

    /** Hot-node value as maintained while recording; negative when no node reported. */
    float hotValue(long minute) {
        return hot[slot(minute)];
    }

    /**
     * Index of the node that reported the minute's hot value (the first of equals), or -1 when no node
     * reported. A scan of one contiguous row, asked only for what a heatmap shows.
     */
    int hotNode(long minute) {
        int s = slot(minute);
        if (hot[s] < 0) {
            return -1;
        }
        int base = s * nodeCapacity;
        int at = -1;
        float best = NO_SAMPLE;
        for (int i = 0; i < nodeCount(); i++) {
            if (cpu[base + i] > best) {
                best = cpu[base + i];
                at = i;
            }
        }
        return at;
    }

    /** Hot-node value recomputed from the raw samples of that minute; negative when no node reported. */
    float hotValueFromSamples(long minute) {
        int s = slot(minute);
        return hot[s] == STALE ? NO_SAMPLE : rowMax(s * nodeCapacity, nodeCount());
    }

    /**
     * Maximum of one minute's row, compared as int bit patterns: for non-negative floats (CPU is 0..100 and
     * -0.0 is normalised on the way in) the IEEE bit pattern orders like the value, and the negative
     * sentinel's pattern is a negative int. An int max loop is branch-free and vectorised by the JIT, about
     * 4x faster than a float comparison loop on random data.
     */
    private float rowMax(int base, int nodes) {
        float[] row = cpu;
        int max = Integer.MIN_VALUE;
        for (int i = base, end = base + nodes; i < end; i++) {
            max = Math.max(max, Float.floatToRawIntBits(row[i]));
        }
        return max < 0 ? NO_SAMPLE : Float.intBitsToFloat(max);
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
                window.insert(hot[s]);
            } else {
                window.replace(held, hot[s]);
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
            advanceOneMinute(windowMinutes, newNow, slot(oldNow - windowMinutes + 1), slot(newNow));
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
        float leaving = hot[leavingSlot];
        if (dirtyCount == 1 && windowMinutes > 1) {
            int added = (int) (dirty[0] >>> 32);
            float held = Float.intBitsToFloat((int) dirty[0]);
            if (held < 0 && added != leavingSlot && leaving >= 0) {
                // Steady state, one minute in and one out: one replace, and nothing at all when both
                // values are below the floor (the usual case).
                window.replace(leaving, hot[added]);
                dirtyCount = 0;
                queuedForFlush = false;
                hot[newSlot] = STALE;
                settle(newNow, windowMinutes);
                return;
            }
        }
        applyQueue();
        leaving = hot[leavingSlot];
        if (leaving >= 0) {
            window.remove(leaving);
        }
        hot[newSlot] = STALE;
        settle(newNow, windowMinutes);
    }

    private void flushAndAdvanceGeneral(long oldNow, long newNow, int windowMinutes) {
        applyQueue();
        if (windowMinutes > 0) {
            if (newNow - oldNow >= windowMinutes) {
                window.clear();
            } else {
                for (long m = oldNow - windowMinutes + 1; m <= newNow - windowMinutes; m++) {
                    float leaving = hot[slot(m)];
                    if (leaving >= 0) {
                        window.remove(leaving);
                    }
                }
            }
        }
        retire(oldNow, newNow);
        settle(newNow, windowMinutes);
    }

    /**
     * Reads, without changing anything, the memory {@link #advanceOneMinute} is about to use: the leaving
     * and the queued hot-value slots. Called for a batch of pools before advancing them, so that the cache
     * misses of many pools overlap instead of stalling one at a time.
     */
    float touchForAdvance(int leavingSlot) {
        float sum = hot[leavingSlot];
        if (dirtyCount > 0) {
            sum += hot[(int) (dirty[0] >>> 32)];
        }
        return sum;
    }

    /** Marks stale the slots that the minutes {@code (oldNow, newNow]} take over from minutes leaving retention. */
    private void retire(long oldNow, long newNow) {
        if (newNow - oldNow >= retention) {
            Arrays.fill(hot, STALE);
        } else {
            for (long m = oldNow + 1; m <= newNow; m++) {
                hot[slot(m)] = STALE;
            }
        }
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
        int n = collectHotValues(now - windowMinutes + 1, now, values, false);
        window.rebuild(values, n);
        dirtyCount = 0;
        queuedForFlush = false;
    }

    // ---- full recompute (daily window, arbitrary ranges, verification) ----

    /**
     * Collects the hot values of the retained minutes of {@code [from, to]} into {@code buffer}.
     *
     * @param fromSamples recompute each minute from the raw samples instead of using the maintained value
     * @return how many minutes had a value
     */
    int collectHotValues(long from, long to, float[] buffer, boolean fromSamples) {
        int n = 0;
        int nodes = nodeCount();
        int s = slot(from);
        for (long m = from; m <= to; m++) {
            float v = hot[s];
            if (fromSamples && v != STALE) {
                v = rowMax(s * nodeCapacity, nodes);
            }
            if (v >= 0) {
                buffer[n++] = v;
            }
            if (++s == retention) {
                s = 0;
            }
        }
        return n;
    }

    // ---- layout ----

    /**
     * Re-creates the arrays for a new retention and/or node capacity, keeping every sample of the minutes
     * in {@code (now - newRetention, now]} (all minutes when only the node capacity changes). The caller
     * flushes first and rebuilds the window afterwards when the retention changes.
     */
    void relayout(int newRetention, int newNodeCapacity, long now) {
        int oldRetention = retention;
        int oldCapacity = nodeCapacity;
        float[] oldCpu = cpu;
        float[] oldHot = hot;
        float[] newCpu = new float[newRetention * newNodeCapacity];
        Arrays.fill(newCpu, NO_SAMPLE);
        float[] newHot = filled(newRetention, NO_SAMPLE);
        boolean sameRing = newRetention == oldRetention;
        int copyMinutes = Math.min(oldRetention, newRetention);
        for (int k = 0; k < copyMinutes; k++) {
            // With an unchanged ring, slot k stays slot k; otherwise walk the minutes back from now.
            int from = sameRing ? k : (int) Math.floorMod(now - k, (long) oldRetention);
            int to = sameRing ? k : (int) Math.floorMod(now - k, (long) newRetention);
            if (oldHot[from] != STALE) {
                System.arraycopy(oldCpu, from * oldCapacity, newCpu, to * newNodeCapacity, oldCapacity);
                newHot[to] = oldHot[from];
            }
        }
        retention = newRetention;
        nodeCapacity = newNodeCapacity;
        cpu = newCpu;
        hot = newHot;
        int nodes = nodeNames.size();
        int previous = latestMinute.length;
        latestMinute = Arrays.copyOf(latestMinute, nodes);
        latestCpu = Arrays.copyOf(latestCpu, nodes);
        Arrays.fill(latestMinute, previous, nodes, Long.MIN_VALUE);
        Arrays.fill(latestCpu, previous, nodes, Float.NaN);
    }

    private static float[] filled(int length, float value) {
        float[] a = new float[length];
        Arrays.fill(a, value);
        return a;
    }
}
