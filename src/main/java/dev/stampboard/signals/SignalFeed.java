package dev.stampboard.signals;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclared;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampsFollowed;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.SampleVerdict;
import dev.stampboard.signals.engine.SignalEngine;
import dev.stampboard.signals.engine.TrafficCounts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Feeds the signal engine: keeps it in step with the inventory (new stamps and nodes) and the clock, and takes the
 * samples from outside it (the ingestion API and Azure through {@code signals.ingestion}, the simulator, the stored
 * samples reloaded at start). Questions about the signals go to {@link SignalsService}.
 */
@Service
public class SignalFeed {

    private static final Logger log = LoggerFactory.getLogger(SignalFeed.class);

    private final FleetService fleet;
    private final SignalSettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignalEngine engine;
    private final PoolStateHistory stateHistory;
    private final PoolStateLog stateLog;
    private final List<LongConsumer> advanceListeners = new CopyOnWriteArrayList<>();

    SignalFeed(
            FleetService fleet,
            SignalSettingsService settings,
            ApplicationEventPublisher events,
            Clock clock,
            PoolStateHistory stateHistory,
            PoolStateLog stateLog) {
        this.fleet = fleet;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.engine = settings.engine();
        this.stateHistory = stateHistory;
        this.stateLog = stateLog;
    }

    // ---- the inventory -----------------------------------------------------------------------

    /**
     * Runs before the stored telemetry is reloaded and before the simulator starts (lower order), so both
     * find every pool declared.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void declareFleet() {
        // changes committed from here on are followed (every instance on the database writes them); the rest is read
        // now
        fleet.followChangesFromNow();
        fleet.stamps().forEach(this::declare);
        log.info("Signals engine: {} stamps declared", fleet.stamps().size());
    }

    /** A stamp declared or changed on this instance ({@link StampDeclaredListener} hands the event over). */
    void onStampDeclared(StampDeclared event) {
        // just that stamp, as committed: the snapshot is dropped after every local write, and reloading the whole fleet
        // per stamp is what a scenario of 500 stamps declared one by one cannot afford
        fleet.freshStamp(event.stamp()).ifPresent(this::declare);
    }

    /**
     * Stamps another console instance created or changed, as the follower read them in one batch. Not transactional
     * (published outside a transaction, on the follower's thread), so this bean stays without a proxy.
     */
    @EventListener
    public void onStampsFollowed(StampsFollowed event) {
        event.stamps().forEach(this::declare);
    }

    /**
     * Whether a sample refused for an unknown stamp, pool or node may be for one the inventory knows and this
     * instance's engine was not told of yet (another console instance declared it a moment before this instance
     * followed the change): then the engine is told now and the sample is judged again.
     */
    private boolean caughtUpWithInventory(SampleVerdict verdict, String stamp) {
        if (verdict.cause() != SampleVerdict.Cause.UNKNOWN_STAMP
                && verdict.cause() != SampleVerdict.Cause.UNKNOWN_POOL
                && verdict.cause() != SampleVerdict.Cause.UNKNOWN_NODE) {
            return false;
        }
        Optional<StampInfo> known = fleet.freshStamp(stamp);
        known.ifPresent(this::declare);
        return known.isPresent();
    }

    private void declare(StampInfo stamp) {
        for (PoolKind kind : PoolKind.values()) {
            stamp.pool(kind).ifPresent(pool -> engine.declarePool(stamp.name(), kind, pool.nodes()));
        }
        settings.stampDeclared(stamp);
    }

    // ---- samples -----------------------------------------------------------------------------

    /**
     * One node-minute of CPU from outside the engine's own feed (ingestion, the stored samples reloaded
     * at start); the engine's checks apply, and its verdict says why a sample was refused.
     */
    public SampleVerdict recordCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        SampleVerdict verdict = engine.recordCpu(stamp, pool, node, minute, cpu);
        return verdict.accepted() || !caughtUpWithInventory(verdict, stamp)
                ? verdict
                : engine.recordCpu(stamp, pool, node, minute, cpu);
    }

    /**
     * A sample another instance (or this one) stored, read back by the follower: recorded as the engine judges it,
     * without asking the database about a stamp the engine does not know (the follower reads the inventory changes
     * before the samples of each round, and retries a row refused for an unknown stamp on the next round).
     */
    public SampleVerdict recordFollowedCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return engine.recordCpu(stamp, pool, node, minute, cpu);
    }

    /** A traffic record read back by the follower (see {@link #recordFollowedCpu}). */
    public SampleVerdict recordFollowedTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return engine.recordTraffic(replica, counts);
    }

    /** The verdict {@link #recordCpu} would give now, without recording it (ingestion asks before it stores). */
    public SampleVerdict checkCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        SampleVerdict verdict = engine.checkCpu(stamp, pool, node, minute, cpu);
        return verdict.accepted() || !caughtUpWithInventory(verdict, stamp)
                ? verdict
                : engine.checkCpu(stamp, pool, node, minute, cpu);
    }

    /** Samples from the simulator: same checks as ingestion, but kept in memory only (the simulator can regenerate them). */
    public void recordSimulatedCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        engine.recordCpu(stamp, pool, node, minute, cpu);
    }

    /** One replica-minute of traffic served by {@code stamp}; the engine's verdict says why a record was refused. */
    public SampleVerdict recordTraffic(ReplicaMinute replica, TrafficCounts counts) {
        SampleVerdict verdict = engine.recordTraffic(replica, counts);
        return verdict.accepted()
                        || !caughtUpWithInventory(verdict, replica.stamp().value())
                ? verdict
                : engine.recordTraffic(replica, counts);
    }

    /** The verdict {@link #recordTraffic} would give now, without recording it. */
    public SampleVerdict checkTraffic(ReplicaMinute replica, TrafficCounts counts) {
        SampleVerdict verdict = engine.checkTraffic(replica, counts);
        return verdict.accepted()
                        || !caughtUpWithInventory(verdict, replica.stamp().value())
                ? verdict
                : engine.checkTraffic(replica, counts);
    }

    // ---- the clock ---------------------------------------------------------------------------

    /** The engine's current minute. */
    public long nowMinute() {
        return engine.nowMinute();
    }

    /** How many minutes back from {@link #nowMinute()} the engine keeps samples (older ones are refused). */
    public int retentionMinutes() {
        return engine.settings().retentionMinutes();
    }

    /**
     * Thresholds and region settings another console instance changed and stored, applied to this instance's engine
     * when newer than what it holds; returns the queries sent.
     */
    public int followSettings() {
        return settings.followSettings();
    }

    /** Keeps the window moving when no simulator drives it (bring-your-own telemetry). */
    @Scheduled(fixedDelay = 1000)
    public void followClock() {
        advanceTo(clock.instant().getEpochSecond() / 60);
    }

    /** Both the simulator and the wall-clock follower call this; the check and the move must not interleave. */
    public synchronized void advanceTo(long minute) {
        if (minute > engine.nowMinute()) {
            engine.advanceTo(minute);
            observeStates(minute);
            advanceListeners.forEach(l -> l.accept(minute));
        }
    }

    /**
     * Runs after each move of the current minute (under the same lock as the move), e.g. to replay stored
     * samples once the simulated clock reaches their minute.
     */
    public void onAdvance(LongConsumer listener) {
        advanceListeners.add(listener);
    }

    /**
     * Runs for every sample accepted for a minute that had already passed (late collectors, back-fills, followed rows
     * of another instance, the reload at start), on the recording thread, after the engine's lock is released.
     */
    public void onPastMinuteRecorded(SignalEngine.PastMinuteRecorded listener) {
        engine.onPastMinuteRecorded(listener);
    }

    /**
     * Pool-state transitions other console instances' elected one recorded (the shared "since" times), read into
     * this instance; returns the queries sent.
     */
    public int followStates() {
        return stateLog.follow();
    }

    private void observeStates(long minute) {
        List<PoolStateTransitions.Observation> observed = new java.util.ArrayList<>();
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolKind kind : PoolKind.values()) {
                if (engine.hasPool(stamp.name(), kind)) {
                    PoolState state = engine.poolState(stamp.name(), kind);
                    observed.add(new PoolStateTransitions.Observation(stamp.name(), kind, state));
                    stateHistory
                            .observe(stamp.name(), kind, state, minute)
                            .ifPresent(from -> events.publishEvent(
                                    new PoolStateChanged(stamp.region(), stamp.name(), kind, from, state, minute)));
                }
            }
        }
        try {
            stateLog.observed(minute, observed);
        } catch (RuntimeException e) {
            // the clock must move on; the next minute compares with the log again
            log.warn("Recording the pool states of minute {} failed", minute, e);
        }
    }
}
