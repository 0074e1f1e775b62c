package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclared;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.engine.HotNodeSeries;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReactiveAlert;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.SampleVerdict;
import dev.stampboard.signals.engine.SignalEngine;
import dev.stampboard.signals.engine.SignalSettings;
import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.signals.engine.TrafficSeries;
import dev.stampboard.signals.engine.TrafficShare;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Feeds the signal engine and answers questions about it. The engine holds every pool's window
 * in memory; this service keeps it in step with the inventory (new stamps and nodes) and the
 * clock. Telemetry from outside (the ingestion API, Azure) enters through {@code signals.ingestion}.
 */
@Service
public class SignalsService {

    private static final Logger log = LoggerFactory.getLogger(SignalsService.class);

    private final FleetService fleet;
    private final SettingsStore settingsStore;
    private final RegionSettingsStore regionStore;
    /** Every region's settings unless it has its own: {@code stampboard.signals.*}. */
    private final RegionSignalSettings defaults;
    /** Regions with settings of their own (admins set them in Settings or through the API). */
    private final Map<String, RegionSignalSettings> regionSettings = new ConcurrentHashMap<>();
    /** Which region each declared stamp is in, to judge it (and its alerts) by that region's settings. */
    private final Map<String, String> stampRegions = new ConcurrentHashMap<>();

    private final org.springframework.context.ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SignalEngine engine;
    private final PoolStateHistory stateHistory = new PoolStateHistory();
    private final List<java.util.function.LongConsumer> advanceListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    SignalsService(
            FleetService fleet,
            SettingsStore settingsStore,
            RegionSettingsStore regionStore,
            org.springframework.context.ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock,
            SignalsProperties properties) {
        this.fleet = fleet;
        this.settingsStore = settingsStore;
        this.regionStore = regionStore;
        this.defaults = defaultRegionSettings(properties);
        this.regionSettings.putAll(regionStore.all());
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.engine = new SignalEngine(initialSettings(properties), currentMinute());
    }

    private static RegionSignalSettings defaultRegionSettings(SignalsProperties p) {
        PeakWindow window = p.dailyWindowStart() != null && p.dailyWindowEnd() != null
                ? new PeakWindow.DailyFixed(
                        p.dailyWindowStart(),
                        p.dailyWindowEnd(),
                        ZoneId.of(p.dailyWindowZone() == null ? "UTC" : p.dailyWindowZone()))
                : new PeakWindow.Trailing(p.windowMinutes());
        return new RegionSignalSettings(
                window,
                p.throttlingPercent(),
                p.throttlingMinutes(),
                p.errorPercent(),
                p.errorMinutes(),
                p.p99LatencyMs(),
                p.p99Minutes(),
                p.scoreThreshold(),
                p.scoreMinutes());
    }

    private SignalSettings initialSettings(SignalsProperties p) {
        SignalSettings settings = new SignalSettings(
                settingsStore.hotThreshold().orElse(p.hotThreshold()),
                settingsStore.warnThreshold().orElse(p.warnThreshold()),
                defaults.peakWindow(),
                defaults.reactiveRules());
        return settings.withRetentionMinutes(retentionFor(settings));
    }

    /** Enough history for the default window and rules and for every region's own. */
    private int retentionFor(SignalSettings settings) {
        int needed = SignalSettings.requiredRetention(settings.peakWindow(), settings.reactiveRules());
        for (RegionSignalSettings r : regionSettings.values()) {
            needed = Math.max(needed, SignalSettings.requiredRetention(r.peakWindow(), r.reactiveRules()));
        }
        return needed;
    }

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

    @TransactionalEventListener(fallbackExecution = true)
    public void onStampDeclared(StampDeclared event) {
        fleet.freshStamp(event.stamp()).ifPresent(this::declare);
    }

    private void declare(StampInfo stamp) {
        stampRegions.put(stamp.name(), stamp.region());
        for (PoolKind kind : PoolKind.values()) {
            stamp.pool(kind).ifPresent(pool -> engine.declarePool(stamp.name(), kind, pool.nodes()));
        }
        RegionSignalSettings own = regionSettings.get(stamp.region());
        engine.setStampPeakWindow(stamp.name(), own == null ? null : own.peakWindow());
    }

    /** Keeps the window moving when no simulator drives it (bring-your-own telemetry). */
    @Scheduled(fixedDelay = 1000)
    public void followClock() {
        advanceTo(currentMinute());
    }

    // ---- reads -------------------------------------------------------------------------------

    public long nowMinute() {
        return engine.nowMinute();
    }

    public SignalSettings settings() {
        return engine.settings();
    }

    public List<StampSignals> stampSignalsIn(@Nullable String region) {
        List<StampInfo> stamps = region == null ? fleet.stamps() : fleet.stamps(region);
        return stamps.stream().map(this::signalsOf).toList();
    }

    public StampSignals stampSignals(String stamp) {
        return signalsOf(fleet.requireStamp(stamp));
    }

    private StampSignals signalsOf(StampInfo stamp) {
        // The inventory is read from the database, which can know a stamp another instance declared a moment
        // before this instance's follower has told the engine; declaring it here (idempotent) keeps the answer whole.
        boolean engineBehind = false;
        for (PoolKind kind : PoolKind.values()) {
            engineBehind |= stamp.pool(kind).isPresent() && !engine.hasPool(stamp.name(), kind);
        }
        if (engineBehind) {
            declare(stamp);
        }
        double threshold = engine.settings().hotThreshold();
        List<PoolSignal> pools = new ArrayList<>();
        for (PoolKind kind : PoolKind.values()) {
            stamp.pool(kind).ifPresent(pool -> {
                OptionalDouble p95 = engine.hotNodeP95(stamp.name(), kind);
                pools.add(new PoolSignal(
                        kind,
                        pool.nodes().size(),
                        p95.isPresent() ? p95.getAsDouble() : null,
                        threshold,
                        engine.poolState(stamp.name(), kind)));
            });
        }
        return new StampSignals(stamp, pools);
    }

    public OptionalDouble hotNodeP95(String stamp, PoolKind pool) {
        return engine.hotNodeP95(stamp, pool);
    }

    public PoolState poolState(String stamp, PoolKind pool) {
        return engine.poolState(stamp, pool);
    }

    /** The hot-node minute series of a pool; without bounds, the current peak window. */
    public HotNodeSeries hotNodeSeries(
            String stamp, PoolKind pool, @Nullable Long fromMinute, @Nullable Long toMinute) {
        StampInfo info = fleet.requireStamp(stamp);
        if (info.pool(pool).isEmpty()) {
            throw new dev.stampboard.base.NotFoundException("Stamp " + stamp + " has no " + pool + " pool");
        }
        var range = engine.peakWindowOf(stamp).rangeAt(engine.nowMinute());
        long from = fromMinute == null ? range.fromMinute() : fromMinute;
        long to = toMinute == null ? range.toMinute() : toMinute;
        if (from > to) {
            throw new InvalidInputException("'from' must not be after 'to'");
        }
        return engine.hotNodeSeries(stamp, pool, from, to);
    }

    public java.util.Map<String, Float> latestNodeCpu(String stamp, PoolKind pool) {
        return engine.latestNodeCpu(stamp, pool);
    }

    public List<TrafficShare> trafficShare(String stamp, PoolKind pool) {
        fleet.requireStamp(stamp);
        return engine.trafficShare(stamp, pool);
    }

    /** Every reactive rule firing now, each stamp and replica judged by its region's rules. */
    public List<ReactiveAlert> activeAlerts() {
        return engine.activeAlerts(
                subject -> regionSettings(regionOfSubject(subject)).reactiveRules());
    }

    // ---- per-region settings -----------------------------------------------------------------

    /** The settings a region's stamps are judged by: its own, else the defaults. */
    public RegionSignalSettings regionSettings(@Nullable String region) {
        return region == null ? defaults : regionSettings.getOrDefault(region, defaults);
    }

    /** {@code stampboard.signals.*}: what a region without settings of its own uses. */
    public RegionSignalSettings defaultRegionSettings() {
        return defaults;
    }

    /** Whether the region has settings of its own. */
    public boolean hasOwnSettings(String region) {
        return regionSettings.containsKey(region);
    }

    /** The peak window the stamp's P95 is computed over (its region's). */
    public PeakWindow peakWindowOf(String stamp) {
        return engine.peakWindowOf(stamp);
    }

    /**
     * Stores and applies a region's settings ({@code null}: back to the defaults). Only {@link RegionSettingsService}
     * calls this, after its role check and validation, in its transaction.
     */
    synchronized void applyRegionSettings(String region, @Nullable RegionSignalSettings settings, String actor) {
        if (settings == null) {
            regionStore.delete(region);
            regionSettings.remove(region);
        } else {
            regionStore.save(region, settings, actor);
            regionSettings.put(region, settings);
        }
        SignalSettings current = engine.settings();
        int retention = retentionFor(current);
        if (retention > current.retentionMinutes()) {
            // grow first, so that the region's window fits; retention never shrinks while running
            engine.updateSettings(current.withRetentionMinutes(retention));
        }
        for (StampInfo stamp : fleet.stamps(region)) {
            engine.setStampPeakWindow(stamp.name(), settings == null ? null : settings.peakWindow());
        }
    }

    private @Nullable String regionOfSubject(String subject) {
        int at = subject.lastIndexOf('@');
        return at >= 0 ? subject.substring(at + 1) : stampRegions.get(subject);
    }

    // ---- writes ------------------------------------------------------------------------------

    /**
     * One node-minute of CPU from outside the engine's own feed (ingestion, the stored samples reloaded
     * at start); the engine's checks apply, and its verdict says why a sample was refused.
     */
    public SampleVerdict recordCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return engine.recordCpu(stamp, pool, node, minute, cpu);
    }

    /** The verdict {@link #recordCpu} would give now, without recording it (ingestion asks before it stores). */
    public SampleVerdict checkCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        return engine.checkCpu(stamp, pool, node, minute, cpu);
    }

    /** The verdict {@link #recordTraffic} would give now, without recording it. */
    public SampleVerdict checkTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return engine.checkTraffic(replica, counts);
    }

    /** Samples from the simulator: same checks as ingestion, but kept in memory only (the simulator can regenerate them). */
    public void recordSimulatedCpu(String stamp, PoolKind pool, String node, long minute, double cpu) {
        engine.recordCpu(stamp, pool, node, minute, cpu);
    }

    /** One replica-minute of traffic served by {@code stamp}; the engine's verdict says why a record was refused. */
    public SampleVerdict recordTraffic(ReplicaMinute replica, TrafficCounts counts) {
        return engine.recordTraffic(replica, counts);
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
    public void onAdvance(java.util.function.LongConsumer listener) {
        advanceListeners.add(listener);
    }

    private void observeStates(long minute) {
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolKind kind : PoolKind.values()) {
                if (engine.hasPool(stamp.name(), kind)) {
                    PoolState state = engine.poolState(stamp.name(), kind);
                    stateHistory
                            .observe(stamp.name(), kind, state, minute)
                            .ifPresent(from -> events.publishEvent(
                                    new PoolStateChanged(stamp.region(), stamp.name(), kind, from, state, minute)));
                }
            }
        }
    }

    /** Since which minute the pool has been in its current state (see {@link PoolStateHistory}). */
    public StateSince stateSince(String stamp, PoolKind pool) {
        PoolState state = engine.poolState(stamp, pool);
        PoolStateHistory.Since since = stateHistory.since(stamp, pool, state, engine.nowMinute());
        return new StateSince(state, since.sinceMinute(), since.sinceObservationStart());
    }

    @Transactional
    public void changeThresholds(double hot, double warn, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        if (!(hot > 0 && hot <= 100) || !(warn > 0 && warn <= 100)) {
            throw new InvalidInputException("Thresholds must be between 0 and 100 %");
        }
        if (warn > hot) {
            throw new InvalidInputException(
                    "The warning threshold (" + warn + " %) must not be above the hot threshold (" + hot + " %)");
        }
        SignalSettings old = engine.settings();
        engine.updateSettings(new SignalSettings(hot, warn, old.peakWindow(), old.reactiveRules()));
        settingsStore.saveThresholds(hot, warn, actor.name());
        events.publishEvent(new ThresholdsChanged(actor, old.hotThreshold(), hot, old.warnThreshold(), warn));
    }

    /**
     * Thresholds another console instance changed (they are stored): applied to this instance's engine. No event: the
     * instance that changed them audited the change.
     */
    public void followSettings() {
        SignalSettings old = engine.settings();
        double hot = settingsStore.hotThreshold().orElse(old.hotThreshold());
        double warn = settingsStore.warnThreshold().orElse(old.warnThreshold());
        if (hot != old.hotThreshold() || warn != old.warnThreshold()) {
            engine.updateSettings(new SignalSettings(hot, warn, old.peakWindow(), old.reactiveRules()));
        }
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }

    // ---- reads for the detail views ----------------------------------------------------------

    /** The current peak window, clamped to what the engine retains. */
    public MinuteRange peakRange() {
        return peakRange(null);
    }

    /** The region's current peak window (its own, else the default), clamped to what the engine retains. */
    public MinuteRange peakRange(@Nullable String region) {
        SignalSettings settings = engine.settings();
        MinuteRange range = regionSettings(region).peakWindow().rangeAt(engine.nowMinute());
        long oldest = engine.nowMinute() - settings.retentionMinutes() + 1;
        return new MinuteRange(Math.max(range.fromMinute(), oldest), range.toMinute());
    }

    /**
     * A pool's hot-node minute values laid out on the range: index {@code i} is minute
     * {@code range.fromMinute() + i}, NaN where no node reported (for heatmaps and the planner).
     */
    public float[] hotNodeMinutes(String stamp, PoolKind pool, MinuteRange range) {
        float[] values = new float[Math.toIntExact(range.lengthMinutes())];
        java.util.Arrays.fill(values, Float.NaN);
        HotNodeSeries series = hotNodeSeries(stamp, pool, range.fromMinute(), range.toMinute());
        for (int i = 0; i < series.minutes().length; i++) {
            values[(int) (series.minutes()[i] - range.fromMinute())] = (float) series.values()[i];
        }
        return values;
    }

    /** Which node was a pool's hot node in each minute of the range (for the heatmap's tooltip). */
    public dev.stampboard.signals.engine.HotNodes hotNodes(String stamp, PoolKind pool, MinuteRange range) {
        fleet.requireStamp(stamp);
        return engine.hotNodes(stamp, pool, range.fromMinute(), range.toMinute());
    }

    /** A replica's requests and bytes per minute (NaN where none), see {@link SignalEngine#replicaTraffic}. */
    public TrafficSeries replicaTraffic(String registry, String region, MinuteRange range) {
        return engine.replicaTraffic(registry, region, range.fromMinute(), range.toMinute());
    }

    /**
     * A stamp's or a replica's ({@code registry@region}) reactive metric per minute of the range; NaN where
     * there is no value, and all NaN for a subject that has never reported traffic.
     */
    public double[] reactiveSeries(String stampOrReplica, ReactiveMetric metric, MinuteRange range) {
        try {
            return engine.reactiveSeries(stampOrReplica, metric, range.fromMinute(), range.toMinute());
        } catch (IllegalArgumentException unknownSubject) {
            double[] none = new double[Math.toIntExact(range.lengthMinutes())];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }
    }
}
