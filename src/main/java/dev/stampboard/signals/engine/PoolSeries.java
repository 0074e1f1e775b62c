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
 * One pool's CPU history as a ring of minute slots, plus the sorted hot-node values of the trailing
 * window. Not thread-safe: {@link SignalEngine} guards it.
 *
 * <p>Layout: {@code cpu[slot * nodeCapacity + node]}, slot = minute mod retention, so one minute's row is
 * contiguous and its maximum is a tight loop. A missing sample is {@link #NO_SAMPLE}.
 *
 * <p>Incremental P95: {@code hot[slot]} is kept current as samples arrive (it only ever rises, since samples
 * are never replaced). {@code indexed[slot]} is the value of that slot that {@code window} currently
 * holds. Slots where the two differ are queued in {@code dirtySlots} and applied in {@link #flush}, so a
 * minute whose 40 nodes report one by one costs one sorted-array update, not up to 40.
 */
final class PoolSeries {

    /**
     * "No sample" marker. Valid CPU is 0..100, so any negative value is free; a negative number rather than
     * NaN keeps the row maximum a plain comparison, and a row with no sample has a negative maximum.
     */
    static final float NO_SAMPLE = -1f;

    final String stamp;
    final PoolKind kind;

    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodeNames = new ArrayList<>();

    private int retention;
    private int nodeCapacity;
    private float[] cpu;
    private float[] hot;
    private float[] indexed;
    private long[] latestMinute;
    private float[] latestCpu;

    private final SortedFloats window;
    private int[] dirtySlots = new int[4];
    private int dirtyCount;
    boolean queuedForFlush;

    PoolSeries(String stamp, PoolKind kind, int retention, int windowCapacity) {
        this.stamp = stamp;
        this.kind = kind;
        this.retention = retention;
        this.cpu = new float[0];
        this.hot = filled(retention);
        this.indexed = filled(retention);
        this.latestMinute = new long[0];
        this.latestCpu = new float[0];
        this.window = new SortedFloats(windowCapacity);
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

    float sample(int node, long minute) {
        return cpu[slot(minute) * nodeCapacity + node];
    }

    /**
     * Stores a sample the engine has validated (known node, retained minute, no sample yet).
     *
     * @param inTrailingWindow whether the minute counts towards the incremental P95
     * @return true when this pool has just become dirty and must be flushed before its P95 is read
     */
    boolean record(int node, long minute, float value, boolean inTrailingWindow) {
        int s = slot(minute);
        cpu[s * nodeCapacity + node] = value;
        if (minute > latestMinute[node]) {
            latestMinute[node] = minute;
            latestCpu[node] = value;
        }
        if (value <= hot[s]) {
            return false;
        }
        boolean wasClean = hot[s] == indexed[s];
        hot[s] = value;
        if (!inTrailingWindow || !wasClean) {
            return false;
        }
        if (dirtyCount == dirtySlots.length) {
            dirtySlots = Arrays.copyOf(dirtySlots, dirtyCount * 2);
        }
        dirtySlots[dirtyCount++] = s;
        boolean newlyQueued = !queuedForFlush;
        queuedForFlush = true;
        return newlyQueued;
    }

    /** Newest sample per node if still retained, else NaN. */
    float latestCpu(int node, long oldestRetained) {
        return latestMinute[node] >= oldestRetained ? latestCpu[node] : Float.NaN;
    }

    /** Hot-node value as maintained while recording; negative when no node reported. */
    float hotValue(long minute) {
        return hot[slot(minute)];
    }

    /** Hot-node value recomputed from the raw samples of that minute; negative when no node reported. */
    float hotValueFromSamples(long minute) {
        return rowMax(slot(minute) * nodeCapacity, nodeCount());
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

    /** Applies queued hot-value changes to the sorted window. */
    void flush() {
        for (int i = 0; i < dirtyCount; i++) {
            int s = dirtySlots[i];
            float old = indexed[s];
            float now = hot[s];
            if (old == now) {
                continue;
            }
            if (old < 0) {
                window.insert(now);
            } else {
                window.replace(old, now);
            }
            indexed[s] = now;
        }
        dirtyCount = 0;
        queuedForFlush = false;
    }

    /**
     * Applies queued hot values, then moves the pool from {@code oldNow} to {@code newNow}: minutes leaving
     * the trailing window leave the sorted values, and the slots of minutes leaving retention are wiped for
     * the new minutes.
     */
    void flushAndAdvance(long oldNow, long newNow, int windowMinutes) {
        if (windowMinutes > 1 && newNow - oldNow == 1 && dirtyCount == 1) {
            int added = dirtySlots[0];
            int expired = slot(oldNow - windowMinutes + 1);
            if (indexed[added] < 0 && indexed[expired] >= 0) {
                // Steady state, one minute in and one out: a single shift between the two positions
                // instead of a remove and an insert that each move half the array.
                window.replace(indexed[expired], hot[added]);
                indexed[expired] = NO_SAMPLE;
                indexed[added] = hot[added];
                dirtyCount = 0;
                queuedForFlush = false;
                wipeRetention(oldNow, newNow);
                return;
            }
        }
        flush();
        advance(oldNow, newNow, windowMinutes);
    }

    /** Like {@link #flushAndAdvance}, for a pool whose queued changes are already flushed. */
    void advance(long oldNow, long newNow, int windowMinutes) {
        long steps = newNow - oldNow;
        if (windowMinutes > 0) {
            if (steps >= windowMinutes) {
                window.clear();
                Arrays.fill(indexed, NO_SAMPLE);
            } else {
                for (long m = oldNow - windowMinutes + 1; m <= newNow - windowMinutes; m++) {
                    int s = slot(m);
                    if (indexed[s] >= 0) {
                        window.remove(indexed[s]);
                        indexed[s] = NO_SAMPLE;
                    }
                }
            }
        }
        wipeRetention(oldNow, newNow);
    }

    /** Empties the slots that the minutes {@code (oldNow, newNow]} take over from minutes leaving retention. */
    private void wipeRetention(long oldNow, long newNow) {
        if (newNow - oldNow >= retention) {
            Arrays.fill(cpu, NO_SAMPLE);
            Arrays.fill(hot, NO_SAMPLE);
        } else {
            for (long m = oldNow + 1; m <= newNow; m++) {
                int s = slot(m);
                Arrays.fill(cpu, s * nodeCapacity, (s + 1) * nodeCapacity, NO_SAMPLE);
                hot[s] = NO_SAMPLE;
            }
        }
    }

    OptionalDouble incrementalP95() {
        int n = window.size();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(window.get(NearestRank.p95Rank(n) - 1));
    }

    /** Empties the sorted window (a daily peak window is computed on demand instead). */
    void clearWindow() {
        window.clear();
        Arrays.fill(indexed, NO_SAMPLE);
        dirtyCount = 0;
        queuedForFlush = false;
    }

    /** Refills the sorted window from the hot values of {@code range} (after a settings change). */
    void rebuildWindow(MinuteRange range) {
        clearWindow();
        for (long m = range.fromMinute(); m <= range.toMinute(); m++) {
            int s = slot(m);
            if (hot[s] >= 0) {
                window.insert(hot[s]);
                indexed[s] = hot[s];
            }
        }
    }

    // ---- full recompute (daily window, arbitrary ranges, verification) ----

    /**
     * Collects the hot values of the retained minutes of {@code range} into {@code buffer}.
     *
     * @param fromSamples recompute each minute from the raw samples instead of using the maintained value
     * @return how many minutes had a value
     */
    int collectHotValues(long from, long to, float[] buffer, boolean fromSamples) {
        int n = 0;
        int nodes = nodeCount();
        int s = slot(from);
        for (long m = from; m <= to; m++) {
            float v = fromSamples ? rowMax(s * nodeCapacity, nodes) : hot[s];
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
     * in {@code (now - newRetention, now]} (all minutes when only the node capacity changes).
     */
    void relayout(int newRetention, int newNodeCapacity, long now) {
        int oldRetention = retention;
        int oldCapacity = nodeCapacity;
        float[] oldCpu = cpu;
        float[] oldHot = hot;
        float[] newCpu = new float[newRetention * newNodeCapacity];
        Arrays.fill(newCpu, NO_SAMPLE);
        float[] newHot = filled(newRetention);
        boolean sameRing = newRetention == oldRetention;
        int copyMinutes = Math.min(oldRetention, newRetention);
        for (int k = 0; k < copyMinutes; k++) {
            // With an unchanged ring, slot k stays slot k; otherwise walk the minutes back from now.
            int from = sameRing ? k : (int) Math.floorMod(now - k, (long) oldRetention);
            int to = sameRing ? k : (int) Math.floorMod(now - k, (long) newRetention);
            System.arraycopy(oldCpu, from * oldCapacity, newCpu, to * newNodeCapacity, oldCapacity);
            newHot[to] = oldHot[from];
        }
        retention = newRetention;
        nodeCapacity = newNodeCapacity;
        cpu = newCpu;
        hot = newHot;
        if (!sameRing) {
            indexed = filled(newRetention);
        }
        int nodes = nodeNames.size();
        int previous = latestMinute.length;
        latestMinute = Arrays.copyOf(latestMinute, nodes);
        latestCpu = Arrays.copyOf(latestCpu, nodes);
        Arrays.fill(latestMinute, previous, nodes, Long.MIN_VALUE);
        Arrays.fill(latestCpu, previous, nodes, Float.NaN);
    }

    int retention() {
        return retention;
    }

    private static float[] filled(int length) {
        float[] a = new float[length];
        Arrays.fill(a, NO_SAMPLE);
        return a;
    }
}
