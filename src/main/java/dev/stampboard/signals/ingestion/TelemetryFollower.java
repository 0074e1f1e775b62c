package dev.stampboard.signals.ingestion;

import dev.stampboard.base.DaemonScheduler;
import dev.stampboard.base.SequenceTail;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.signals.EngineFollow;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.SampleVerdict;
import dev.stampboard.signals.engine.TrafficCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's engine in step with what every console instance on the database stored: every second it reads
 * the inventory changes ({@link FleetService#followChanges}), then the CPU samples and traffic rows past the highest
 * sequence value it has seen ({@link SequenceTail}, gaps included), and records them. Recording is first-wins and the
 * database already decided who was first, so a row this instance stored itself, or read twice, changes nothing.
 *
 * <p>A followed row the engine cannot take yet — its stamp or node not followed yet, or a minute ahead of this
 * instance's clock (another instance's clock ran a moment ahead) — waits and is retried each poll for
 * {@code pending-patience}.
 */
@Component
@EnableConfigurationProperties(FollowProperties.class)
public class TelemetryFollower implements EngineFollow {

    private static final Logger log = LoggerFactory.getLogger(TelemetryFollower.class);
    /** Rows waiting for the engine beyond this many are dropped, oldest first (and counted). */
    static final int MAX_PENDING = 1_000_000;

    private final SignalFeed signals;
    private final FleetService fleet;
    private final FollowProperties properties;
    private final SequenceTail<CpuSampleStore.Sequenced> cpu;
    private final SequenceTail<TrafficSampleStore.Sequenced> traffic;
    private final List<Pending> pending = new ArrayList<>();
    private final ScheduledExecutorService reader = DaemonScheduler.named("telemetry-follower");
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean started;
    private long polls;
    private long settingsQueries;
    private long stateQueries;
    /**
     * Thresholds and region settings changed on another instance are looked for every this many polls (one query for
     * their version; three more when it moved).
     */
    private static final int SETTINGS_EVERY = 3;

    private record Pending(
            CpuSampleStore.@org.jspecify.annotations.Nullable StoredSample cpu,
            TrafficSampleStore.@org.jspecify.annotations.Nullable StoredTraffic traffic,
            long since) {}

    TelemetryFollower(
            SignalFeed signals,
            FleetService fleet,
            CpuSampleStore cpuStore,
            TrafficSampleStore trafficStore,
            FollowProperties properties,
            MeterRegistry meters) {
        this.signals = signals;
        this.fleet = fleet;
        this.properties = properties;
        this.cpu = tail(cpuStore::after, cpuStore::between, CpuSampleStore.Sequenced::seq, properties);
        this.traffic = tail(trafficStore::after, trafficStore::between, TrafficSampleStore.Sequenced::seq, properties);
        FunctionCounter.builder("stampboard.follow.queries", this, f -> f.queries())
                .description("Queries this instance sent to follow what other instances stored")
                .register(meters);
        FunctionCounter.builder("stampboard.follow.applied", applied, AtomicLong::get)
                .description("Followed rows recorded into this instance's engine")
                .register(meters);
        Gauge.builder("stampboard.follow.pending", this, f -> f.pendingCount())
                .description("Followed rows waiting for this instance's engine (stamp not followed yet, minute ahead)")
                .register(meters);
    }

    /** A table's tail, read by its two queries (rows after a value; rows in a range, for gaps). */
    private static <R> SequenceTail<R> tail(
            BiFunction<Long, Integer, List<R>> after,
            BiFunction<Long, Long, List<R>> between,
            ToLongFunction<R> seqOf,
            FollowProperties properties) {
        return new SequenceTail<>(
                new SequenceTail.Source<>() {
                    @Override
                    public List<R> after(long afterSeq, int limit) {
                        return after.apply(afterSeq, limit);
                    }

                    @Override
                    public List<R> between(long fromSeq, long toSeq) {
                        return between.apply(fromSeq, toSeq);
                    }
                },
                seqOf,
                properties.batchSize(),
                properties.batchesPerPoll(),
                properties.gapPatience().toNanos(),
                properties.settle().toNanos(),
                System::nanoTime);
    }

    /** Called by the start-up reload before it reads the stores: rows from here on are followed. */
    void startAfter(long cpuSeq, long trafficSeq) {
        // a write that took values just below the start may still commit: those are checked again
        cpu.startAfter(cpuSeq, properties.batchSize());
        traffic.startAfter(trafficSeq, properties.batchSize());
        started = true;
    }

    /**
     * Starts the follower's own thread. Not a {@code @Scheduled} job: those share one thread, where a slow job (the
     * metrics' pool rows, a minute's listeners at thousands of stamps) held the follower back for seconds.
     */
    @PostConstruct
    void startThread() {
        long period = Math.max(1, properties.pollMillis());
        reader.scheduleWithFixedDelay(this::scheduledPoll, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopThread() {
        reader.shutdownNow();
    }

    void scheduledPoll() {
        if (!properties.enabled() || !started) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Following the store failed; the next poll tries again", e);
        }
    }

    /** One round: inventory changes, then the samples; returns how many rows were recorded. */
    public synchronized int poll() {
        long began = System.nanoTime();
        fleet.followChanges();
        stateQueries += signals.followStates();
        if (polls++ % SETTINGS_EVERY == 0) {
            settingsQueries += signals.followSettings();
        }
        // the clock is moved by the feed's own job: a new minute's listeners (scores, capacity, metrics over every
        // stamp) take seconds at thousands of stamps and must not hold the samples back; a row of a minute this
        // engine has not reached yet waits as pending and is retried on the next round
        long inventoryDone = System.nanoTime();
        int before = (int) applied.get();
        retryPending();
        List<CpuSampleStore.Sequenced> cpuRows = cpu.poll().rows();
        for (CpuSampleStore.Sequenced row : cpuRows) {
            apply(row.sample(), null, System.nanoTime());
        }
        List<TrafficSampleStore.Sequenced> trafficRows = traffic.poll().rows();
        for (TrafficSampleStore.Sequenced row : trafficRows) {
            apply(null, row.row(), System.nanoTime());
        }
        if (log.isDebugEnabled() && cpuRows.size() + trafficRows.size() > 0) {
            log.debug(
                    "followed {} CPU and {} traffic rows; inventory and settings {} ms, samples {} ms",
                    cpuRows.size(),
                    trafficRows.size(),
                    (inventoryDone - began) / 1_000_000,
                    (System.nanoTime() - inventoryDone) / 1_000_000);
        }
        return (int) (applied.get() - before);
    }

    private void retryPending() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> again = List.copyOf(pending);
        pending.clear();
        long now = System.nanoTime();
        for (Pending p : again) {
            if (now - p.since() > properties.pendingPatience().toNanos()) {
                dropped.incrementAndGet();
                continue;
            }
            apply(p.cpu(), p.traffic(), p.since());
        }
    }

    private void apply(
            CpuSampleStore.@org.jspecify.annotations.Nullable StoredSample s,
            TrafficSampleStore.@org.jspecify.annotations.Nullable StoredTraffic t,
            long since) {
        SampleVerdict verdict;
        if (s != null) {
            verdict = signals.recordFollowedCpu(s.stamp(), s.pool(), s.node(), s.minute(), s.cpu());
        } else if (t != null) {
            verdict = signals.recordFollowedTraffic(
                    ReplicaMinute.of(t.registry(), t.region(), t.stamp(), t.minute()),
                    new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99Ms()));
        } else {
            throw new IllegalArgumentException("a followed row is a CPU sample or a traffic row; got neither");
        }
        if (verdict.accepted()) {
            applied.incrementAndGet();
            return;
        }
        switch (verdict.cause()) {
            case UNKNOWN_STAMP, UNKNOWN_POOL, UNKNOWN_NODE, FUTURE -> {
                pending.add(new Pending(s, t, since));
                if (pending.size() > MAX_PENDING) {
                    pending.remove(0);
                    dropped.incrementAndGet();
                }
            }
            default -> {
                // DUPLICATE: already in the engine (this instance stored it, or read it before); TOO_OLD: past the
                // window; anything else the instance that stored it had checked
            }
        }
    }

    @Override
    public boolean caughtUpAsOf(long nanoTime) {
        if (!properties.enabled()) {
            return true;
        }
        if (!started) {
            return false;
        }
        if (!caughtUpBy(nanoTime)) {
            poll();
        }
        return caughtUpBy(nanoTime);
    }

    private boolean caughtUpBy(long nanoTime) {
        // rows waiting for their stamp or minute do not hold a verdict back: they are about stamps this engine does
        // not know yet, or minutes after its clock, neither of which a judged minute reads
        return cpu.everCaughtUp()
                && cpu.caughtUpAsOf() >= nanoTime
                && traffic.everCaughtUp()
                && traffic.caughtUpAsOf() >= nanoTime;
    }

    @Override
    public synchronized String behind() {
        List<String> parts = new ArrayList<>();
        long gaps = cpu.gapValues() + traffic.gapValues();
        if (gaps > 0) {
            parts.add(gaps + " sequence values of writes still committing");
        }
        if (!pending.isEmpty()) {
            parts.add(pending.size() + " followed rows waiting for their stamp or minute");
        }
        return parts.isEmpty() ? "rows other instances stored are still being read" : String.join(", ", parts);
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /**
     * Queries sent by the sample tails, the inventory change log, the settings and the pool-state log (the database
     * load of following).
     */
    long queries() {
        return cpu.queries() + traffic.queries() + fleet.changeQueries() + settingsQueries + stateQueries;
    }

    /** How many followed rows were dropped (waited too long, or too many waiting). */
    long dropped() {
        return dropped.get();
    }
}
