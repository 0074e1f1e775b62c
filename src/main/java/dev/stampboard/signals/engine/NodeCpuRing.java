package dev.stampboard.signals.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pool's per-node CPU samples as a ring of minute slots, with each minute's hot-node value (the highest sample
 * of that minute). Not thread-safe: {@link SignalEngine} guards it.
 *
 * <p>Layout: {@code cpu[slot * nodeCapacity + node]}, slot = minute mod retention, so one minute's row is
 * contiguous and its maximum is a tight loop. A missing sample is {@link #NO_SAMPLE}.
 *
 * <p>Advancing time does not wipe a reused slot's row (that would touch cold memory for every pool every
 * minute); it marks {@code hot[slot]} {@link #STALE} and the row is wiped by the first sample written to it.
 * Every reader treats a stale slot as empty.
 */
final class NodeCpuRing {

    /**
     * "No sample" marker. Valid CPU is 0..100, so any negative value is free; a negative number rather than
     * NaN keeps the row maximum a plain comparison, and a row with no sample has a negative maximum.
     */
    static final float NO_SAMPLE = -1f;
    /** In {@code hot} only: the slot's row still holds an expired minute and must be read as empty. */
    static final float STALE = -2f;

    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodeNames = new ArrayList<>();

    private int retention;
    private int nodeCapacity;
    private float[] cpu;
    private float[] hot;
    private long[] latestMinute;
    private float[] latestCpu;

    NodeCpuRing(int retention) {
        this.retention = retention;
        this.cpu = new float[0];
        this.hot = filled(retention, NO_SAMPLE);
        this.latestMinute = new long[0];
        this.latestCpu = new float[0];
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
     * Stores a validated sample in its slot's row (wiping the row first when it still holds an expired minute) and
     * as the node's newest when it is; the slot's hot value is left to the caller ({@link #raiseHot}).
     *
     * @return the slot's hot value before this sample ({@link #NO_SAMPLE} when no node reported yet)
     */
    float store(int s, int node, long minute, float value) {
        if (hot[s] == STALE) {
            Arrays.fill(cpu, s * nodeCapacity, (s + 1) * nodeCapacity, NO_SAMPLE);
            hot[s] = NO_SAMPLE;
        }
        cpu[s * nodeCapacity + node] = value;
        if (minute > latestMinute[node]) {
            latestMinute[node] = minute;
            latestCpu[node] = value;
        }
        return hot[s];
    }

    /** The slot's hot value as maintained: negative when no node reported, {@link #STALE} when expired. */
    float hotAt(int s) {
        return hot[s];
    }

    /** A higher sample arrived for the slot's minute (samples are never replaced, so the hot value only rises). */
    void raiseHot(int s, float value) {
        hot[s] = value;
    }

    /** The slot is taken over by a new minute: its row is read as empty from now on. */
    void expire(int s) {
        hot[s] = STALE;
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

    /** Marks stale the slots that the minutes {@code (oldNow, newNow]} take over from minutes leaving retention. */
    void retire(long oldNow, long newNow) {
        if (newNow - oldNow >= retention) {
            Arrays.fill(hot, STALE);
        } else {
            for (long m = oldNow + 1; m <= newNow; m++) {
                hot[slot(m)] = STALE;
            }
        }
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
