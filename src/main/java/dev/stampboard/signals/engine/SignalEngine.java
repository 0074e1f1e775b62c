package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * <p>This class is the entry point and the lock; the work is done by its parts, none thread-safe on its own:
 * {@link StampRegistry} (the stamps and pools it knows), {@link EngineTime} (the current minute, settings and peak
 * windows, the time checks), {@link CpuSignals} (the per-pool minute series and the trailing P95) and
 * {@link TrafficLedger} (traffic attribution and the reactive signals).
 *
 * <p><b>Unknown stamps:</b> samples for a stamp, pool or node that was not declared are rejected; reads of one answer
 * no data (an empty P95 and series, {@link PoolState#NO_DATA}), as for a pool that has not reported yet. Another
 * console instance may have declared the stamp a moment before this one's engine was told.
 *
 * <p>Thread-safe: one {@link ReentrantReadWriteLock}; reads run concurrently, writes are exclusive. Reads of
 * a trailing-window P95 first apply queued hot-value changes under the write lock.
 */
public final class SignalEngine {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final EngineTime time;
    private final StampRegistry registry = new StampRegistry();
    private final CpuSignals cpu;
    private final TrafficLedger traffic = new TrafficLedger();

    private final List<PastMinuteRecorded> pastMinuteListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A sample accepted for a minute before the current one: {@code stamp}'s {@code minute} changed after it passed. */
    @FunctionalInterface
    public interface PastMinuteRecorded {
        void recorded(String stamp, long minute);
    }

    /** Whether advanceTo may use the common fork-join pool; package-private so the benchmark can compare. */
    volatile boolean parallel = Runtime.getRuntime().availableProcessors() > 1;

    public SignalEngine(SignalSettings settings, long nowMinute) {
        this.time = new EngineTime(settings, nowMinute);
        this.cpu = new CpuSignals(registry, time);
    }

    // ------------------------------------------------------------------ fleet shape

    /** Declares a pool or adds nodes to it; existing nodes keep their index and their samples. */
    public void declarePool(String stamp, PoolKind pool, Collection<String> nodes) {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(pool, "pool");
        update(() -> {
            if (registry.declarePool(stamp, pool, nodes, time.retentionMinutes())) {
                traffic.addStamp(stamp, time.retentionMinutes());
            }
        });
    }

    public boolean hasPool(String stamp, PoolKind pool) {
        return read(() -> registry.find(stamp, pool) != null);
    }

    // ------------------------------------------------------------------ CPU

    /**
     * Records one node's average CPU % for one minute. Checks, in this order: unknown stamp, unknown pool of
     * that stamp, unknown node, CPU not finite, CPU not between 0 and 100, minute in the future, minute older than
     * retention, duplicate. A duplicate (a sample for that node and minute already exists) is rejected and
     * the first value is kept. CPU is stored as a float (about 7 significant digits).
     */
    public SampleVerdict recordCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        SampleVerdict verdict;
        long now;
        lock.writeLock().lock();
        try {
            verdict = this.cpu.cpu(stamp, pool, node, minute, cpu, true);
            now = time.now();
        } finally {
            lock.writeLock().unlock();
        }
        recorded(verdict, stamp, minute, now);
        return verdict;
    }

    /**
     * Tells {@code listener} of every sample accepted for a minute that had passed when it was recorded (a collector
     * posting after the minute, a back-fill, a followed row, the stored samples reloaded at start), after the write
     * lock is released. Live scores read each minute when it passes; this tells them to read one again.
     */
    public void onPastMinuteRecorded(PastMinuteRecorded listener) {
        pastMinuteListeners.add(listener);
    }

    private void recorded(SampleVerdict verdict, String stamp, long minute, long now) {
        if (verdict.accepted() && minute < now) {
            for (PastMinuteRecorded listener : pastMinuteListeners) {
                listener.recorded(stamp, minute);
            }
        }
    }

    /**
     * The verdict {@link #recordCpu} would give now, without recording: ingestion asks first, lets the shared
     * database decide who was first (another console instance may have stored the same node-minute), and records
     * only what it stored.
     */
    public SampleVerdict checkCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return write(() -> this.cpu.cpu(stamp, pool, node, minute, cpu, false));
    }

    /** Moves the current minute forward, expiring minutes that leave the window and retention. */
    public void advanceTo(long nowMinute) {
        update(() -> {
            long now = time.now();
            if (nowMinute < now) {
                throw new IllegalArgumentException(
                        "time never goes backwards: now is " + now + ", asked for " + nowMinute);
            }
            if (nowMinute > now) {
                cpu.advance(now, nowMinute, parallel);
                time.now(nowMinute);
            }
        });
    }

    public long nowMinute() {
        return read(time::now);
    }

    /** Nearest-rank P95 of the hot-node values in the current peak window; empty when the window has none. */
    public OptionalDouble hotNodeP95(String stamp, PoolKind pool) {
        applyPendingFlush();
        lock.readLock().lock();
        try {
            return cpu.p95(stamp, pool);
        } finally {
            lock.readLock().unlock();
        }
    }

    public PoolState poolState(String stamp, PoolKind pool) {
        applyPendingFlush();
        lock.readLock().lock();
        try {
            return cpu.state(stamp, pool);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Hot-node values of the retained minutes in {@code [fromMinute, toMinute]}, and the P95 of exactly those. */
    public HotNodeSeries hotNodeSeries(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        return read(() -> cpu.hotNodeSeries(stamp, pool, fromMinute, toMinute));
    }

    /**
     * Which node was the hot node in each minute of {@code [fromMinute, toMinute]}: {@code byMinute[i]} indexes
     * {@code nodes} for minute {@code fromMinute + i}, -1 where no node reported or the minute is not retained.
     */
    public HotNodes hotNodes(String stamp, PoolKind pool, long fromMinute, long toMinute) {
        if (fromMinute > toMinute) {
            throw new IllegalArgumentException("fromMinute must not be after toMinute");
        }
        return read(() -> cpu.hotNodes(stamp, pool, fromMinute, toMinute));
    }

    public OptionalDouble hotNodeMinuteValue(String stamp, PoolKind pool, long minute) {
        return read(() -> cpu.hotNodeMinuteValue(stamp, pool, minute));
    }

    /** Every node of the pool, in declaration order, with the CPU of its newest retained sample or NaN. */
    public Map<String, Float> latestNodeCpu(String stamp, PoolKind pool) {
        return read(() -> cpu.latestNodeCpu(stamp, pool));
    }

    // ------------------------------------------------------------------ traffic and reactive signals

    /**
     * Records one minute of a registry replica's traffic, served by {@code stamp} in that minute. The stamp
     * must be declared. Counts must be non-negative, throttled and errors at most requests, p99 a finite
     * non-negative number when there were requests (ignored otherwise). Same time checks as CPU; a second
     * record for the same replica and minute is rejected and the first kept.
     */
    public SampleVerdict recordTraffic(ReplicaMinute replica, TrafficCounts counts) {
        SampleVerdict verdict;
        long now;
        lock.writeLock().lock();
        try {
            verdict = traffic.traffic(replica, counts, time, true);
            now = time.now();
        } finally {
            lock.writeLock().unlock();
        }
        recorded(verdict, replica.stamp().value(), replica.minute(), now);
        return verdict;
    }

    /** The verdict {@link #recordTraffic} would give now, without recording (see {@link #checkCpu}). */
    public SampleVerdict checkTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return write(() -> traffic.traffic(replica, counts, time, false));
    }

    /**
     * Each replica's share of the pool's traffic over the current peak window (requests for REGISTRY, bytes
     * for DATAPROXY), counting only the minutes in which this stamp served it; highest share first.
     */
    public List<TrafficShare> trafficShare(String stamp, PoolKind pool) {
        return read(() -> {
            StampRegistry.Entry entry = registry.find(stamp);
            return entry == null ? List.of() : traffic.shares(entry.index, pool, time.retainedPeakRange(stamp));
        });
    }

    /** Every reactive rule firing now: stamps (declaration order) first, then replicas; rules in settings order. */
    public List<ReactiveAlert> activeAlerts() {
        return read(() -> traffic.alerts(time.settings().reactiveRules(), time.now(), time.oldestRetained()));
    }

    /**
     * Every reactive rule firing now, each subject (a stamp or a registry replica) judged by its own rules (its
     * region's); same order as {@link #activeAlerts()}.
     */
    public List<ReactiveAlert> activeAlerts(Function<AlertSubject, List<ReactiveRule>> rulesOfSubject) {
        return read(() -> traffic.alerts(rulesOfSubject, time.now(), time.oldestRetained()));
    }

    /**
     * The metric per minute of {@code [fromMinute, toMinute]} for a stamp or a registry replica; NaN where there is
     * no value (no requests, not retained, or in the future).
     *
     * @throws IllegalArgumentException for a stamp the engine does not know or a replica that never reported traffic
     */
    public double[] reactiveSeries(AlertSubject subject, ReactiveMetric metric, long fromMinute, long toMinute) {
        requireOrdered(fromMinute, toMinute);
        return read(() -> traffic.series(subject, metric, fromMinute, toMinute, time.now(), time.oldestRetained()));
    }

    /**
     * A replica's requests and bytes per minute of {@code [fromMinute, toMinute]}, with the stamp that served
     * each minute; NaN (and no stamp) where there is no record: not reported, not retained, or in the future.
     * A replica that never reported traffic reads as all NaN rather than an error, so a new registry has an
     * empty series.
     */
    public TrafficSeries replicaTraffic(String registry, String region, long fromMinute, long toMinute) {
        requireOrdered(fromMinute, toMinute);
        return read(() ->
                traffic.replicaTraffic(registry, region, fromMinute, toMinute, time.now(), time.oldestRetained()));
    }

    // ------------------------------------------------------------------ settings

    public SignalSettings settings() {
        return read(time::settings);
    }

    /**
     * Thresholds and rules take effect at once. A new retention re-lays out the stored history (keeping the
     * newest minutes that fit); a new peak window rebuilds every pool's sorted window from stored minutes.
     */
    public void updateSettings(SignalSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        update(() -> {
            cpu.flushAll();
            SignalSettings old = time.settings();
            time.settings(newSettings);
            boolean retentionChanged = old.retentionMinutes() != newSettings.retentionMinutes();
            cpu.settingsChanged(retentionChanged, !old.peakWindow().equals(newSettings.peakWindow()));
            if (retentionChanged) {
                traffic.resize(newSettings.retentionMinutes(), time.now());
            }
        });
    }

    /**
     * Gives a stamp a peak window of its own (its region's), or back the default with {@code null}. Its P95 is
     * then computed from the stored minutes on each read instead of incrementally; retention must cover the
     * window ({@link SignalSettings#withRetentionMinutes}).
     */
    public void setStampPeakWindow(String stamp, @Nullable PeakWindow window) {
        update(() -> {
            time.setStampPeakWindow(stamp, window);
        });
    }

    /** The stamp's peak window: its own, else the default. */
    public PeakWindow peakWindowOf(String stamp) {
        return read(() -> time.peakWindowOf(stamp));
    }

    // ------------------------------------------------------------------ full recompute (verification, benchmark)

    /**
     * P95 of the current peak window recomputed from the raw samples (per-minute maximum over nodes, then
     * selection), ignoring every incrementally maintained value. Used to verify the incremental path.
     */
    OptionalDouble recomputeP95FromSamples(String stamp, PoolKind pool) {
        return read(() -> cpu.recomputeP95FromSamples(stamp, pool));
    }

    /**
     * {@link #recomputeP95FromSamples} for every pool, in {@link #poolLabels()} order, NaN for no value;
     * {@code parallel} spreads the pools over the common fork-join pool.
     */
    double[] recomputeAllP95FromSamples(boolean parallel) {
        return read(() -> cpu.recomputeAllP95FromSamples(parallel));
    }

    /** {@code stamp/POOL} labels in the order of {@link #recomputeAllP95FromSamples}. */
    List<String> poolLabels() {
        return read(cpu::poolLabels);
    }

    // ------------------------------------------------------------------ the lock

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void update(Runnable action) {
        lock.writeLock().lock();
        try {
            action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void applyPendingFlush() {
        if (cpu.flushPending()) {
            update(() -> {
                cpu.flushAll();
            });
        }
    }

    private static void requireOrdered(long fromMinute, long toMinute) {
        if (toMinute < fromMinute) {
            throw new IllegalArgumentException("toMinute " + toMinute + " is before fromMinute " + fromMinute);
        }
    }
}
