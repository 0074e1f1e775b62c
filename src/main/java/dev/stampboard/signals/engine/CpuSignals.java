package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The CPU half of the engine: every pool's per-minute hot-node series ({@link PoolSeries}), the trailing-window P95
 * kept incrementally as minutes pass and samples arrive, and the reads of those series. Not thread-safe on its own:
 * {@link SignalEngine} calls it under its lock (its write lock for anything that records, advances or flushes).
 */
final class CpuSignals {

    /** Below this many pools a minute's update is too cheap to be worth handing to other threads. */
    private static final int PARALLEL_THRESHOLD = 512;
    /**
     * Pools per batch in {@link #advancePools}: their touched lines (~4 each: the pool, its queue, two hot slots; the
     * sorted top part only for the ~10-20 % of updates at or above the floor) stay inside L2.
     */
    private static final int ADVANCE_BATCH = 64;

    private final StampRegistry registry;
    private final EngineTime time;
    private final List<PoolSeries> dirtyPools = new ArrayList<>();
    /** Set when some pool has hot-value changes not yet in its sorted window; read without the lock. */
    private volatile boolean flushPending;

    /** Keeps the JIT from dropping the reads of {@link PoolSeries#touchForAdvance} as dead code. */
    @SuppressWarnings("unused")
    private volatile float touchSink;

    CpuSignals(StampRegistry registry, EngineTime time) {
        this.registry = registry;
        this.time = time;
    }

    // ------------------------------------------------------------------ writes (under the write lock)

    /** See {@link SignalEngine#recordCpu}: the checks in order, then the sample recorded when {@code record}. */
    SampleVerdict cpu(String stamp, PoolKind pool, String node, long minute, double cpu, boolean record) {
        if (registry.find(stamp) == null) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.UNKNOWN_STAMP,
                    "unknown stamp '" + stamp + "': declare its pools (declarePool) before sending samples");
        }
        PoolSeries series = registry.find(stamp, pool);
        if (series == null) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.UNKNOWN_POOL, "stamp '" + stamp + "' has no " + pool + " pool declared");
        }
        int nodeIndex = series.ring.nodeIndex(node);
        if (nodeIndex < 0) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.UNKNOWN_NODE,
                    "unknown node '" + node + "' in " + stamp + "/" + pool + ": add it with declarePool (known nodes: "
                            + series.ring.nodeCount() + ")");
        }
        if (!Double.isFinite(cpu)) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.OUT_OF_RANGE,
                    "cpu must be a finite number between 0 and 100 (got " + cpu + " for node '" + node + "')");
        }
        if (cpu < 0 || cpu > 100) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.OUT_OF_RANGE,
                    "cpu must be between 0 and 100 (got " + cpu + " for node '" + node + "')");
        }
        SampleVerdict timeProblem = time.timeProblem(minute, "; check the collector's clock");
        if (timeProblem != null) {
            return timeProblem;
        }
        float existing = series.ring.sample(nodeIndex, minute);
        if (existing != NodeCpuRing.NO_SAMPLE) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.DUPLICATE,
                    "duplicate sample for node '" + node + "' at minute " + EngineTime.instant(minute)
                            + "; the first value " + existing + " is kept");
        }
        if (!record) {
            return SampleVerdict.accept();
        }
        // + 0f turns -0.0 into 0.0: row maxima compare bit patterns, where -0.0 would look like "no sample"
        if (series.record(nodeIndex, minute, (float) cpu + 0f, time.now(), time.windowMinutes())) {
            dirtyPools.add(series);
            flushPending = true;
        }
        return SampleVerdict.accept();
    }

    /** Moves every pool from {@code oldNow} to {@code newNow} (the caller then sets the time). */
    void advance(long oldNow, long newNow, boolean parallel) {
        int window = time.windowMinutes();
        forEachPoolRange(parallel, (from, to) -> advancePools(from, to, oldNow, newNow, window));
        dirtyPools.clear();
        flushPending = false;
    }

    /** Whether some pool has hot-value changes not yet in its sorted window (read without the lock). */
    boolean flushPending() {
        return flushPending;
    }

    void flushAll() {
        int window = time.windowMinutes();
        for (PoolSeries series : dirtyPools) {
            series.flush(time.now(), window);
        }
        dirtyPools.clear();
        flushPending = false;
    }

    /** After new settings (pending changes flushed first): re-lays out history, rebuilds the sorted windows. */
    void settingsChanged(boolean retentionChanged, boolean windowChanged) {
        long now = time.now();
        if (retentionChanged) {
            for (PoolSeries series : registry.pools()) {
                series.ring.relayout(time.retentionMinutes(), series.ring.nodeCount(), now);
            }
        }
        if (retentionChanged || windowChanged) {
            int window = time.windowMinutes();
            for (PoolSeries series : registry.pools()) {
                if (window > 0) {
                    series.rebuildWindow(new MinuteRange(now - window + 1, now));
                } else {
                    series.clearWindow();
                }
            }
        }
    }

    // ------------------------------------------------------------------ reads (under the read lock)
    // A stamp or pool the engine has not been told about yet has no data: its reads answer empty, never fail.

    /** The nearest-rank P95 of the stamp's peak window; empty when the window has no values or the pool is unknown. */
    OptionalDouble p95(String stamp, PoolKind pool) {
        PoolSeries series = registry.find(stamp, pool);
        return series == null ? OptionalDouble.empty() : p95(series);
    }

    PoolState state(String stamp, PoolKind pool) {
        OptionalDouble p95 = p95(stamp, pool);
        return p95.isPresent() ? time.settings().stateOf(p95.getAsDouble()) : PoolState.NO_DATA;
    }

    private OptionalDouble p95(PoolSeries series) {
        if (time.windowMinutes() > 0 && !time.hasOwnWindow(series.stamp)) {
            return series.incrementalP95();
        }
        MinuteRange range = time.retainedPeakRange(series.stamp);
        float[] buffer = new float[(int) range.lengthMinutes()];
        int n = series.ring.collectHotValues(range.fromMinute(), range.toMinute(), buffer, false);
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.p95ByQuickselect(buffer, n));
    }

    HotNodeSeries hotNodeSeries(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        PoolSeries series = registry.find(stamp, pool);
        long from = Math.max(fromMinute, time.oldestRetained());
        long to = Math.min(toMinute, time.now());
        if (series == null || from > to) {
            return new HotNodeSeries(new long[0], new double[0], OptionalDouble.empty());
        }
        int length = (int) (to - from + 1);
        long[] minutes = new long[length];
        double[] values = new double[length];
        float[] forSelection = new float[length];
        int n = 0;
        for (long m = from; m <= to; m++) {
            float v = series.ring.hotValue(m);
            if (v >= 0) {
                minutes[n] = m;
                values[n] = v;
                forSelection[n] = v;
                n++;
            }
        }
        OptionalDouble p95 =
                n == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.p95ByQuickselect(forSelection, n));
        return new HotNodeSeries(Arrays.copyOf(minutes, n), Arrays.copyOf(values, n), p95);
    }

    HotNodes hotNodes(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        PoolSeries series = registry.find(stamp, pool);
        int[] byMinute = new int[Math.toIntExact(toMinute - fromMinute + 1)];
        Arrays.fill(byMinute, -1);
        if (series == null) {
            return new HotNodes(List.of(), byMinute);
        }
        long from = Math.max(fromMinute, time.oldestRetained());
        long to = Math.min(toMinute, time.now());
        for (long m = from; m <= to; m++) {
            byMinute[(int) (m - fromMinute)] = series.ring.hotNode(m);
        }
        return new HotNodes(List.copyOf(series.ring.nodeNames()), byMinute);
    }

    OptionalDouble hotNodeMinuteValue(String stamp, PoolKind pool, long minute) {
        PoolSeries series = registry.find(stamp, pool);
        if (series == null || minute > time.now() || minute < time.oldestRetained()) {
            return OptionalDouble.empty();
        }
        float v = series.ring.hotValue(minute);
        return v >= 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    Map<String, Float> latestNodeCpu(String stamp, PoolKind pool) {
        PoolSeries series = registry.find(stamp, pool);
        Map<String, Float> latest = new LinkedHashMap<>();
        if (series == null) {
            return latest;
        }
        long oldest = time.oldestRetained();
        List<String> names = series.ring.nodeNames();
        for (int i = 0; i < names.size(); i++) {
            latest.put(names.get(i), series.ring.latestCpu(i, oldest));
        }
        return latest;
    }

    // ------------------------------------------------------------------ full recompute (verification, benchmark)

    OptionalDouble recomputeP95FromSamples(String stamp, PoolKind pool) {
        MinuteRange range = time.retainedPeakRange(stamp);
        float[] buffer = new float[(int) range.lengthMinutes()];
        int n = registry.require(stamp, pool).ring.collectHotValues(range.fromMinute(), range.toMinute(), buffer, true);
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.p95ByQuickselect(buffer, n));
    }

    double[] recomputeAllP95FromSamples(boolean parallel) {
        List<PoolSeries> pools = registry.pools();
        MinuteRange range = time.retainedPeakRange();
        int length = (int) range.lengthMinutes();
        double[] result = new double[pools.size()];
        IntStream indices = IntStream.range(0, pools.size());
        (parallel ? indices.parallel() : indices).forEach(new IntConsumer() {
            private final ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[length]);

            @Override
            public void accept(int i) {
                float[] buffer = buffers.get();
                int n = pools.get(i).ring.collectHotValues(range.fromMinute(), range.toMinute(), buffer, true);
                result[i] = n == 0 ? Double.NaN : NearestRank.p95ByQuickselect(buffer, n);
            }
        });
        return result;
    }

    List<String> poolLabels() {
        List<String> labels = new ArrayList<>(registry.pools().size());
        for (PoolSeries series : registry.pools()) {
            labels.add(series.stamp + "/" + series.kind);
        }
        return labels;
    }

    // ------------------------------------------------------------------ internals

    private void advancePools(int from, int to, long oldNow, long newNow, int window) {
        List<PoolSeries> pools = registry.pools();
        if (newNow - oldNow != 1 || window == 0 || from == to) {
            for (int i = from; i < to; i++) {
                pools.get(i).flushAndAdvance(oldNow, newNow, window);
            }
            return;
        }
        int leavingSlot = pools.get(from).ring.slot(oldNow - window + 1);
        int newSlot = pools.get(from).ring.slot(newNow);
        float sink = 0;
        for (int batch = from; batch < to; batch += ADVANCE_BATCH) {
            int end = Math.min(to, batch + ADVANCE_BATCH);
            for (int i = batch; i < end; i++) {
                sink += pools.get(i).touchForAdvance(leavingSlot);
            }
            for (int i = batch; i < end; i++) {
                pools.get(i).advanceOneMinute(window, newNow, leavingSlot, newSlot);
            }
        }
        touchSink = sink;
    }

    /**
     * Runs {@code action} over index ranges covering every pool, split over the common fork-join pool for large
     * fleets: pools share nothing, and the caller holds the write lock, so the workers need no locking of their own.
     */
    private void forEachPoolRange(boolean parallel, PoolRangeAction action) {
        int count = registry.pools().size();
        if (!parallel || count < PARALLEL_THRESHOLD) {
            action.run(0, count);
            return;
        }
        int chunks = Math.min(count / (PARALLEL_THRESHOLD / 4), 4 * ForkJoinPool.getCommonPoolParallelism() + 4);
        IntStream.range(0, chunks)
                .parallel()
                .forEach(chunk ->
                        action.run((int) ((long) count * chunk / chunks), (int) ((long) count * (chunk + 1) / chunks)));
    }

    @FunctionalInterface
    private interface PoolRangeAction {
        void run(int fromInclusive, int toExclusive);
    }
}
