package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * In-memory signals for a fleet of stamps: per-node CPU of each pool and per-replica registry traffic,
 * kept for {@link SignalSettings#retentionMinutes()} minutes, and the DESIGN §2 signals derived from them.
 *
 * <p>Time is the engine's current minute ({@link #nowMinute()}, an epoch minute), moved only by
 * {@link #advanceTo}. Samples for the current minute and for retained past minutes are accepted; a late
 * sample for a past minute updates that minute's hot-node value and thus the P95.
 *
 * <p><b>Duplicates:</b> a second CPU sample for the same node and minute, or a second traffic record for the
 * same replica and minute, is rejected and the first value is kept. Collectors retry; keeping the first
 * value makes a retry harmless, and a sample can never be lowered after it has been counted.
 *
 * <p>Thread-safe: one {@link ReentrantReadWriteLock}; reads run concurrently, writes are exclusive. Reads of
 * a trailing-window P95 first apply queued hot-value changes under the write lock.
 */
public final class SignalEngine {

    /** Below this many pools a minute's update is too cheap to be worth handing to other threads. */
    private static final int PARALLEL_THRESHOLD = 512;
    /**
     * Pools per batch in {@link #advancePools}: their touched lines (~4 each: the pool, its queue, two hot
     * slots; the sorted top part only for the ~10-20 % of updates at or above the floor) stay inside L2.
     */
    private static final int ADVANCE_BATCH = 64;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Set when some pool has hot-value changes not yet in its sorted window; read without the lock. */
    private volatile boolean flushPending;

    private SignalSettings settings;
    private long now;

    private final Map<String, StampEntry> stamps = new LinkedHashMap<>();
    private final List<StampEntry> stampsByIndex = new ArrayList<>();
    private final List<PoolSeries> pools = new ArrayList<>();
    private final List<PoolSeries> dirtyPools = new ArrayList<>();
    private final TrafficLedger traffic = new TrafficLedger();
    /** Stamps whose region has a peak window other than {@link SignalSettings#peakWindow()}. */
    private final Map<String, PeakWindow> stampWindows = new java.util.HashMap<>();

    /** Whether advanceTo may use the common fork-join pool; package-private so the benchmark can compare. */
    volatile boolean parallel = Runtime.getRuntime().availableProcessors() > 1;

    public SignalEngine(SignalSettings settings, long nowMinute) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.now = nowMinute;
    }

    // ------------------------------------------------------------------ fleet shape

    /** Declares a pool or adds nodes to it; existing nodes keep their index and their samples. */
    public void declarePool(String stamp, PoolKind pool, Collection<String> nodes) {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(pool, "pool");
        lock.writeLock().lock();
        try {
            StampEntry entry = stamps.computeIfAbsent(stamp, name -> {
                StampEntry created = new StampEntry(name, stampsByIndex.size());
                stampsByIndex.add(created);
                traffic.addStamp(name, settings.retentionMinutes());
                return created;
            });
            PoolSeries series = entry.pools[pool.ordinal()];
            if (series == null) {
                series = new PoolSeries(stamp, pool, settings.retentionMinutes(), pools.size());
                entry.pools[pool.ordinal()] = series;
                pools.add(series);
            }
            series.addNodes(nodes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean hasPool(String stamp, PoolKind pool) {
        lock.readLock().lock();
        try {
            StampEntry entry = stamps.get(stamp);
            return entry != null && entry.pools[pool.ordinal()] != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ CPU

    /**
     * Records one node's average CPU % for one minute. Checks, in this order: unknown stamp, unknown pool of
     * that stamp, unknown node, CPU not finite, CPU not between 0 and 100, minute in the future, minute older than
     * retention, duplicate. A duplicate (a sample for that node and minute already exists) is rejected and
     * the first value is kept. CPU is stored as a float (about 7 significant digits).
     */
    public SampleVerdict recordCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return cpu(stamp, pool, node, minute, cpu, true);
    }

    /**
     * The verdict {@link #recordCpu} would give now, without recording: ingestion asks first, lets the shared
     * database decide who was first (another console instance may have stored the same node-minute), and records
     * only what it stored.
     */
    public SampleVerdict checkCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return cpu(stamp, pool, node, minute, cpu, false);
    }

    private SampleVerdict cpu(String stamp, PoolKind pool, String node, long minute, double cpu, boolean record) {
        lock.writeLock().lock();
        try {
            StampEntry entry = stamps.get(stamp);
            if (entry == null) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.UNKNOWN_STAMP,
                        "unknown stamp '" + stamp + "': declare its pools (declarePool) before sending samples");
            }
            PoolSeries series = entry.pools[pool.ordinal()];
            if (series == null) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.UNKNOWN_POOL, "stamp '" + stamp + "' has no " + pool + " pool declared");
            }
            int nodeIndex = series.nodeIndex(node);
            if (nodeIndex < 0) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.UNKNOWN_NODE,
                        "unknown node '" + node + "' in " + stamp + "/" + pool
                                + ": add it with declarePool (known nodes: " + series.nodeCount() + ")");
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
            if (minute > now) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.FUTURE, inFuture(minute) + "; check the collector's clock");
            }
            if (minute < oldestRetained()) {
                return SampleVerdict.reject(SampleVerdict.Cause.TOO_OLD, olderThanRetention(minute));
            }
            float existing = series.sample(nodeIndex, minute);
            if (existing != PoolSeries.NO_SAMPLE) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.DUPLICATE,
                        "duplicate sample for node '" + node + "' at minute " + instant(minute) + "; the first value "
                                + existing + " is kept");
            }
            if (!record) {
                return SampleVerdict.accept();
            }
            // + 0f turns -0.0 into 0.0: row maxima compare bit patterns, where -0.0 would look like "no sample"
            if (series.record(nodeIndex, minute, (float) cpu + 0f, now, windowMinutes())) {
                dirtyPools.add(series);
                flushPending = true;
            }
            return SampleVerdict.accept();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves the current minute forward, expiring minutes that leave the window and retention. */
    public void advanceTo(long nowMinute) {
        lock.writeLock().lock();
        try {
            if (nowMinute < now) {
                throw new IllegalArgumentException(
                        "time never goes backwards: now is " + now + ", asked for " + nowMinute);
            }
            if (nowMinute == now) {
                return;
            }
            int window = windowMinutes();
            long oldNow = now;
            forEachPoolRange((from, to) -> advancePools(from, to, oldNow, nowMinute, window));
            dirtyPools.clear();
            flushPending = false;
            now = nowMinute;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public long nowMinute() {
        lock.readLock().lock();
        try {
            return now;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Nearest-rank P95 of the hot-node values in the current peak window; empty when the window has none. */
    public OptionalDouble hotNodeP95(String stamp, PoolKind pool) {
        applyPendingFlush();
        lock.readLock().lock();
        try {
            return p95(series(stamp, pool));
        } finally {
            lock.readLock().unlock();
        }
    }

    public PoolState poolState(String stamp, PoolKind pool) {
        applyPendingFlush();
        lock.readLock().lock();
        try {
            OptionalDouble p95 = p95(series(stamp, pool));
            return p95.isPresent() ? settings.stateOf(p95.getAsDouble()) : PoolState.NO_DATA;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Hot-node values of the retained minutes in {@code [fromMinute, toMinute]}, and the P95 of exactly those. */
    public HotNodeSeries hotNodeSeries(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        lock.readLock().lock();
        try {
            PoolSeries series = series(stamp, pool);
            long from = Math.max(fromMinute, oldestRetained());
            long to = Math.min(toMinute, now);
            if (from > to) {
                return new HotNodeSeries(new long[0], new double[0], OptionalDouble.empty());
            }
            int length = (int) (to - from + 1);
            long[] minutes = new long[length];
            double[] values = new double[length];
            float[] forSelection = new float[length];
            int n = 0;
            for (long m = from; m <= to; m++) {
                float v = series.hotValue(m);
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
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Which node was the hot node in each minute of {@code [fromMinute, toMinute]}: {@code byMinute[i]} indexes
     * {@code nodes} for minute {@code fromMinute + i}, -1 where no node reported or the minute is not retained.
     */
    public HotNodes hotNodes(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        if (fromMinute > toMinute) {
            throw new IllegalArgumentException("fromMinute must not be after toMinute");
        }
        lock.readLock().lock();
        try {
            PoolSeries series = series(stamp, pool);
            int[] byMinute = new int[Math.toIntExact(toMinute - fromMinute + 1)];
            Arrays.fill(byMinute, -1);
            long from = Math.max(fromMinute, oldestRetained());
            long to = Math.min(toMinute, now);
            for (long m = from; m <= to; m++) {
                byMinute[(int) (m - fromMinute)] = series.hotNode(m);
            }
            return new HotNodes(List.copyOf(series.nodeNames()), byMinute);
        } finally {
            lock.readLock().unlock();
        }
    }

    public OptionalDouble hotNodeMinuteValue(String stamp, PoolKind pool, long minute) {
        lock.readLock().lock();
        try {
            PoolSeries series = series(stamp, pool);
            if (minute > now || minute < oldestRetained()) {
                return OptionalDouble.empty();
            }
            float v = series.hotValue(minute);
            return v >= 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every node of the pool, in declaration order, with the CPU of its newest retained sample or NaN. */
    public Map<String, Float> latestNodeCpu(String stamp, PoolKind pool) {
        lock.readLock().lock();
        try {
            PoolSeries series = series(stamp, pool);
            Map<String, Float> latest = new LinkedHashMap<>();
            long oldest = oldestRetained();
            List<String> names = series.nodeNames();
            for (int i = 0; i < names.size(); i++) {
                latest.put(names.get(i), series.latestCpu(i, oldest));
            }
            return latest;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ traffic and reactive signals

    /**
     * Records one minute of a registry replica's traffic, served by {@code stamp} in that minute. The stamp
     * must be declared. Counts must be non-negative, throttled and errors at most requests, p99 a finite
     * non-negative number when there were requests (ignored otherwise). Same time checks as CPU; a second
     * record for the same replica and minute is rejected and the first kept.
     */
    public SampleVerdict recordTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return traffic(replica, counts, true);
    }

    /** The verdict {@link #recordTraffic} would give now, without recording (see {@link #checkCpu}). */
    public SampleVerdict checkTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return traffic(replica, counts, false);
    }

    private SampleVerdict traffic(ReplicaMinute replica, TrafficCounts counts, boolean record) {
        String registry = replica.registry().value();
        String region = replica.region().value();
        String stamp = replica.stamp().value();
        long minute = replica.minute();
        long requests = counts.requests();
        long bytes = counts.bytes();
        long throttled = counts.throttled();
        long errors = counts.errors();
        double p99Ms = counts.p99Ms();
        lock.writeLock().lock();
        try {
            StampEntry entry = stamps.get(stamp);
            if (entry == null) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.UNKNOWN_STAMP,
                        "unknown stamp '" + stamp + "': declare its pools (declarePool) before sending traffic");
            }
            String problem = TrafficLedger.problem(registry, region, requests, bytes, throttled, errors, p99Ms);
            if (problem != null) {
                return SampleVerdict.reject(SampleVerdict.Cause.INVALID_VALUES, problem);
            }
            if (minute > now) {
                return SampleVerdict.reject(SampleVerdict.Cause.FUTURE, inFuture(minute));
            }
            if (minute < oldestRetained()) {
                return SampleVerdict.reject(SampleVerdict.Cause.TOO_OLD, olderThanRetention(minute));
            }
            String duplicateOf = !record
                    ? traffic.recordedStamp(registry, region, minute)
                    : traffic.record(
                            registry,
                            region,
                            entry.index,
                            minute,
                            requests,
                            bytes,
                            throttled,
                            errors,
                            p99Ms,
                            settings.retentionMinutes());
            if (duplicateOf != null) {
                return SampleVerdict.reject(
                        SampleVerdict.Cause.DUPLICATE,
                        "duplicate traffic for " + registry + "@" + region + " at minute " + instant(minute)
                                + " (served by '" + duplicateOf + "'); the first record is kept");
            }
            return SampleVerdict.accept();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Each replica's share of the pool's traffic over the current peak window (requests for REGISTRY, bytes
     * for DATAPROXY), counting only the minutes in which this stamp served it; highest share first.
     */
    public List<TrafficShare> trafficShare(String stamp, PoolKind pool) {
        lock.readLock().lock();
        try {
            return traffic.shares(stamp(stamp).index, pool, retainedPeakRange(stamp));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every reactive rule firing now: stamps (declaration order) first, then replicas; rules in settings order. */
    public List<ReactiveAlert> activeAlerts() {
        lock.readLock().lock();
        try {
            return traffic.alerts(settings.reactiveRules(), now, oldestRetained());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every reactive rule firing now, each subject (a stamp name or {@code registry@region}) judged by its own
     * rules (its region's); same order as {@link #activeAlerts()}.
     */
    public List<ReactiveAlert> activeAlerts(java.util.function.Function<String, List<ReactiveRule>> rulesOfSubject) {
        lock.readLock().lock();
        try {
            return traffic.alerts(rulesOfSubject, now, oldestRetained());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The metric per minute of {@code [fromMinute, toMinute]} for a stamp name or {@code registry@region};
     * NaN where there is no value (no requests, not retained, or in the future).
     */
    public double[] reactiveSeries(String stampOrReplica, ReactiveMetric metric, long fromMinute, long toMinute) {
        if (toMinute < fromMinute) {
            throw new IllegalArgumentException("toMinute " + toMinute + " is before fromMinute " + fromMinute);
        }
        lock.readLock().lock();
        try {
            return traffic.series(stampOrReplica, metric, fromMinute, toMinute, now, oldestRetained());
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ settings

    public SignalSettings settings() {
        lock.readLock().lock();
        try {
            return settings;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Thresholds and rules take effect at once. A new retention re-lays out the stored history (keeping the
     * newest minutes that fit); a new peak window rebuilds every pool's sorted window from stored minutes.
     */
    public void updateSettings(SignalSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        lock.writeLock().lock();
        try {
            flushAll();
            SignalSettings old = settings;
            settings = newSettings;
            boolean retentionChanged = old.retentionMinutes() != newSettings.retentionMinutes();
            if (retentionChanged) {
                for (PoolSeries series : pools) {
                    series.relayout(newSettings.retentionMinutes(), series.nodeCount(), now);
                }
                traffic.resize(newSettings.retentionMinutes(), now);
            }
            if (retentionChanged || !old.peakWindow().equals(newSettings.peakWindow())) {
                int window = windowMinutes();
                for (PoolSeries series : pools) {
                    if (window > 0) {
                        series.rebuildWindow(new MinuteRange(now - window + 1, now));
                    } else {
                        series.clearWindow();
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Gives a stamp a peak window of its own (its region's), or back the default with {@code null}. Its P95 is
     * then computed from the stored minutes on each read instead of incrementally; retention must cover the
     * window ({@link SignalSettings#withRetentionMinutes}).
     */
    public void setStampPeakWindow(String stamp, @Nullable PeakWindow window) {
        lock.writeLock().lock();
        try {
            if (window != null && window.requiredRetentionMinutes() > settings.retentionMinutes()) {
                throw new IllegalArgumentException("the peak window of '" + stamp + "' needs "
                        + window.requiredRetentionMinutes() + " minutes of retention, the engine keeps "
                        + settings.retentionMinutes());
            }
            if (window == null || window.equals(settings.peakWindow())) {
                stampWindows.remove(stamp);
            } else {
                stampWindows.put(stamp, window);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The stamp's peak window: its own, else the default. */
    public PeakWindow peakWindowOf(String stamp) {
        lock.readLock().lock();
        try {
            return stampWindows.getOrDefault(stamp, settings.peakWindow());
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ full recompute (verification, benchmark)

    /**
     * P95 of the current peak window recomputed from the raw samples (per-minute maximum over nodes, then
     * selection), ignoring every incrementally maintained value. Used to verify the incremental path.
     */
    OptionalDouble recomputeP95FromSamples(String stamp, PoolKind pool) {
        lock.readLock().lock();
        try {
            MinuteRange range = retainedPeakRange(stamp);
            float[] buffer = new float[(int) range.lengthMinutes()];
            int n = series(stamp, pool).collectHotValues(range.fromMinute(), range.toMinute(), buffer, true);
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.p95ByQuickselect(buffer, n));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@link #recomputeP95FromSamples} for every pool, in {@link #poolLabels()} order, NaN for no value;
     * {@code parallel} spreads the pools over the common fork-join pool.
     */
    double[] recomputeAllP95FromSamples(boolean parallel) {
        lock.readLock().lock();
        try {
            MinuteRange range = retainedPeakRange();
            int length = (int) range.lengthMinutes();
            double[] result = new double[pools.size()];
            IntStream indices = IntStream.range(0, pools.size());
            (parallel ? indices.parallel() : indices).forEach(new java.util.function.IntConsumer() {
                private final ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[length]);

                @Override
                public void accept(int i) {
                    float[] buffer = buffers.get();
                    int n = pools.get(i).collectHotValues(range.fromMinute(), range.toMinute(), buffer, true);
                    result[i] = n == 0 ? Double.NaN : NearestRank.p95ByQuickselect(buffer, n);
                }
            });
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@code stamp/POOL} labels in the order of {@link #recomputeAllP95FromSamples}. */
    List<String> poolLabels() {
        lock.readLock().lock();
        try {
            List<String> labels = new ArrayList<>(pools.size());
            for (PoolSeries series : pools) {
                labels.add(series.stamp + "/" + series.kind);
            }
            return labels;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ internals

    private OptionalDouble p95(PoolSeries series) {
        if (windowMinutes() > 0 && !stampWindows.containsKey(series.stamp)) {
            return series.incrementalP95();
        }
        MinuteRange range = retainedPeakRange(series.stamp);
        float[] buffer = new float[(int) range.lengthMinutes()];
        int n = series.collectHotValues(range.fromMinute(), range.toMinute(), buffer, false);
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(NearestRank.p95ByQuickselect(buffer, n));
    }

    private void advancePools(int from, int to, long oldNow, long newNow, int window) {
        if (newNow - oldNow != 1 || window == 0 || from == to) {
            for (int i = from; i < to; i++) {
                pools.get(i).flushAndAdvance(oldNow, newNow, window);
            }
            return;
        }
        int leavingSlot = pools.get(from).slot(oldNow - window + 1);
        int newSlot = pools.get(from).slot(newNow);
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

    /** Keeps the JIT from dropping the reads of {@link PoolSeries#touchForAdvance} as dead code. */
    @SuppressWarnings("unused")
    private volatile float touchSink;

    /**
     * Runs {@code action} over index ranges covering every pool, split over the common fork-join pool for
     * large fleets: pools share nothing, and the caller holds the write lock, so the workers need no locking
     * of their own.
     */
    private void forEachPoolRange(PoolRangeAction action) {
        int count = pools.size();
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

    private void applyPendingFlush() {
        if (flushPending) {
            lock.writeLock().lock();
            try {
                flushAll();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private void flushAll() {
        int window = windowMinutes();
        for (PoolSeries series : dirtyPools) {
            series.flush(now, window);
        }
        dirtyPools.clear();
        flushPending = false;
    }

    // Rejection reasons reach operators through the ingestion API: minutes are printed as ISO-8601 instants.

    private String inFuture(long minute) {
        return "minute " + instant(minute) + " is in the future (now is " + instant(now) + ")";
    }

    private String olderThanRetention(long minute) {
        return "minute " + instant(minute) + " is older than the retention of " + settings.retentionMinutes()
                + " minutes (oldest kept: " + instant(oldestRetained()) + ")";
    }

    private static Instant instant(long epochMinute) {
        return Instant.ofEpochSecond(epochMinute * 60);
    }

    /** Minutes of the trailing window kept incrementally, or 0 for a daily window (computed on demand). */
    private int windowMinutes() {
        return settings.peakWindow() instanceof PeakWindow.Trailing trailing ? trailing.minutes() : 0;
    }

    private long oldestRetained() {
        return now - settings.retentionMinutes() + 1;
    }

    private MinuteRange retainedPeakRange() {
        return retainedPeakRange(null);
    }

    private MinuteRange retainedPeakRange(@Nullable String stamp) {
        PeakWindow window =
                stamp == null ? settings.peakWindow() : stampWindows.getOrDefault(stamp, settings.peakWindow());
        MinuteRange range = window.rangeAt(now);
        // Settings validation guarantees retention covers the window; the clamp is a guard, not a rule.
        return new MinuteRange(Math.max(range.fromMinute(), oldestRetained()), range.toMinute());
    }

    private StampEntry stamp(String stamp) {
        StampEntry entry = stamps.get(stamp);
        if (entry == null) {
            throw new IllegalArgumentException("unknown stamp '" + stamp + "'");
        }
        return entry;
    }

    private PoolSeries series(String stamp, PoolKind pool) {
        PoolSeries series = stamp(stamp).pools[pool.ordinal()];
        if (series == null) {
            throw new IllegalArgumentException("stamp '" + stamp + "' has no " + pool + " pool");
        }
        return series;
    }

    private static final class StampEntry {
        final String name;
        final int index;
        final PoolSeries[] pools = new PoolSeries[PoolKind.values().length];

        StampEntry(String name, int index) {
            this.name = name;
            this.index = index;
        }
    }

    // ------------------------------------------------------------------ per-replica traffic (detail views)

    /**
     * A replica's requests and bytes per minute of {@code [fromMinute, toMinute]}, with the stamp that served
     * each minute; NaN (and no stamp) where there is no record: not reported, not retained, or in the future.
     * A replica that never reported traffic reads as all NaN rather than an error, so a new registry has an
     * empty series.
     */
    public TrafficSeries replicaTraffic(String registry, String region, long fromMinute, long toMinute) {
        if (toMinute < fromMinute) {
            throw new IllegalArgumentException("toMinute " + toMinute + " is before fromMinute " + fromMinute);
        }
        lock.readLock().lock();
        try {
            return traffic.replicaTraffic(registry, region, fromMinute, toMinute, now, oldestRetained());
        } finally {
            lock.readLock().unlock();
        }
    }
}
