package dev.stampboard.signals;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.HotNodeSeries;
import dev.stampboard.signals.engine.HotNodes;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReactiveAlert;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.SignalEngine;
import dev.stampboard.signals.engine.SignalSettings;
import dev.stampboard.signals.engine.TrafficSeries;
import dev.stampboard.signals.engine.TrafficShare;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers questions about the signals: each stamp's pools with their hot-node P95 and state, the minute series
 * behind them, traffic shares and the reactive alerts firing now. {@link SignalFeed} feeds the engine;
 * {@link SignalSettingsService} holds the settings it judges by.
 */
@Service
public class SignalsService {

    private final FleetService fleet;
    private final SignalSettingsService settings;
    private final PoolStateHistory stateHistory;
    private final PoolStateLog stateLog;
    private final SignalEngine engine;

    SignalsService(
            FleetService fleet, SignalSettingsService settings, PoolStateHistory stateHistory, PoolStateLog stateLog) {
        this.fleet = fleet;
        this.settings = settings;
        this.stateHistory = stateHistory;
        this.stateLog = stateLog;
        this.engine = settings.engine();
    }

    public long nowMinute() {
        return engine.nowMinute();
    }

    public SignalSettings settings() {
        return engine.settings();
    }

    // ---- stamps and pools --------------------------------------------------------------------

    public List<StampSignals> stampSignalsIn(@Nullable String region) {
        List<StampInfo> stamps = region == null ? fleet.stamps() : fleet.stamps(region);
        return stamps.stream().map(this::signalsOf).toList();
    }

    /**
     * Where a screen that has no region chosen opens (the dashboard, the plan wizard): the region of the fleet's hottest
     * stamp ({@link StampSignals#HOTTEST_FIRST}), so it shows the heat first rather than whichever region sorts first
     * by name; without stamps the first region; empty without regions.
     */
    public Optional<String> regionToOpen() {
        return stampSignalsIn(null).stream()
                .min(StampSignals.HOTTEST_FIRST)
                .map(s -> s.stamp().region())
                .or(() -> fleet.regions().stream().map(RegionInfo::name).findFirst());
    }

    public StampSignals stampSignals(String stamp) {
        return signalsOf(fleet.requireStamp(stamp));
    }

    private StampSignals signalsOf(StampInfo stamp) {
        // the inventory can know a stamp another instance declared a moment before this instance's engine was told:
        // its pools then read as no data until it is
        double threshold = engine.settings().hotThreshold();
        List<PoolSignal> pools = new ArrayList<>();
        for (PoolKind kind : PoolKind.values()) {
            stamp.pool(kind).ifPresent(pool -> {
                OptionalDouble p95 = engine.hotNodeP95(stamp.name(), kind);
                PoolState state = engine.poolState(stamp.name(), kind);
                pools.add(new PoolSignal(
                        kind,
                        pool.nodes().size(),
                        p95.isPresent() ? p95.getAsDouble() : null,
                        threshold,
                        state,
                        sinceOf(stamp.name(), kind, state)));
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

    /**
     * Since which minute the pool has been in its current state: from the log the elected instance keeps for all
     * ({@link PoolStateLog}), so every instance answers the same; until the log has the state (it is recorded at the
     * next minute, and followed within a second), from this instance's own observation ({@link PoolStateHistory}).
     */
    public StateSince stateSince(String stamp, PoolKind pool) {
        return sinceOf(stamp, pool, engine.poolState(stamp, pool));
    }

    private StateSince sinceOf(String stamp, PoolKind pool, PoolState state) {
        PoolStateTransitions.Entry shared = stateLog.dating(stamp, pool, state);
        if (shared != null) {
            return new StateSince(state, shared.sinceMinute(), shared.atLeast());
        }
        PoolStateHistory.Since own = stateHistory.since(stamp, pool, state, engine.nowMinute());
        return new StateSince(state, own.sinceMinute(), own.sinceObservationStart());
    }

    /** The hot-node minute series of a pool; without bounds, the current peak window. */
    public HotNodeSeries hotNodeSeries(
            String stamp, PoolKind pool, @Nullable Long fromMinute, @Nullable Long toMinute) {
        StampInfo info = fleet.requireStamp(stamp);
        if (info.pool(pool).isEmpty()) {
            throw new NotFoundException("Stamp " + stamp + " has no " + pool + " pool");
        }
        long from;
        long to;
        if (fromMinute != null && toMinute != null) {
            // the common case (the score's minute, plans, the dashboard): no peak window to work out and drop
            from = fromMinute;
            to = toMinute;
        } else {
            var range = engine.peakWindowOf(stamp).rangeAt(engine.nowMinute());
            from = fromMinute == null ? range.fromMinute() : fromMinute;
            to = toMinute == null ? range.toMinute() : toMinute;
        }
        if (from > to) {
            throw new InvalidInputException("'from' must not be after 'to'");
        }
        return engine.hotNodeSeries(stamp, pool, from, to);
    }

    public Map<String, Float> latestNodeCpu(String stamp, PoolKind pool) {
        return engine.latestNodeCpu(stamp, pool);
    }

    public List<TrafficShare> trafficShare(String stamp, PoolKind pool) {
        fleet.requireStamp(stamp);
        return engine.trafficShare(stamp, pool);
    }

    /** Every reactive rule firing now, each stamp and replica judged by its region's rules. */
    public List<ReactiveAlert> activeAlerts() {
        return engine.activeAlerts(settings::rulesOf);
    }

    // ---- per-region settings (see SignalSettingsService) -------------------------------------

    /** The settings a region's stamps are judged by: its own, else the defaults. */
    public RegionSignalSettings regionSettings(@Nullable String region) {
        return settings.regionSettings(region);
    }

    /** Whether the region has settings of its own. */
    public boolean hasOwnSettings(String region) {
        return settings.hasOwnSettings(region);
    }

    /** The peak window the stamp's P95 is computed over (its region's). */
    public PeakWindow peakWindowOf(String stamp) {
        return engine.peakWindowOf(stamp);
    }

    // ---- reads for the detail views ----------------------------------------------------------

    /** The current peak window, clamped to what the engine retains. */
    public MinuteRange peakRange() {
        return peakRange(null);
    }

    /** The region's current peak window (its own, else the default), clamped to what the engine retains. */
    public MinuteRange peakRange(@Nullable String region) {
        SignalSettings current = engine.settings();
        MinuteRange range = regionSettings(region).peakWindow().rangeAt(engine.nowMinute());
        long oldest = engine.nowMinute() - current.retentionMinutes() + 1;
        return new MinuteRange(Math.max(range.fromMinute(), oldest), range.toMinute());
    }

    /**
     * A pool's hot-node minute values laid out on the range: index {@code i} is minute
     * {@code range.fromMinute() + i}, NaN where no node reported (for heatmaps and the planner).
     */
    public float[] hotNodeMinutes(String stamp, PoolKind pool, MinuteRange range) {
        float[] values = new float[Math.toIntExact(range.lengthMinutes())];
        Arrays.fill(values, Float.NaN);
        HotNodeSeries series = hotNodeSeries(stamp, pool, range.fromMinute(), range.toMinute());
        for (int i = 0; i < series.minutes().length; i++) {
            values[(int) (series.minutes()[i] - range.fromMinute())] = (float) series.values()[i];
        }
        return values;
    }

    /** Which node was a pool's hot node in each minute of the range (for the heatmap's tooltip). */
    public HotNodes hotNodes(String stamp, PoolKind pool, MinuteRange range) {
        fleet.requireStamp(stamp);
        return engine.hotNodes(stamp, pool, range.fromMinute(), range.toMinute());
    }

    /** A replica's requests and bytes per minute (NaN where none), see {@link SignalEngine#replicaTraffic}. */
    public TrafficSeries replicaTraffic(String registry, String region, MinuteRange range) {
        return engine.replicaTraffic(registry, region, range.fromMinute(), range.toMinute());
    }

    /**
     * A stamp's or a registry replica's reactive metric per minute of the range; NaN where there is no value, and all
     * NaN for a subject that has never reported traffic.
     */
    public double[] reactiveSeries(AlertSubject subject, ReactiveMetric metric, MinuteRange range) {
        try {
            return engine.reactiveSeries(subject, metric, range.fromMinute(), range.toMinute());
        } catch (IllegalArgumentException unknownSubject) {
            double[] none = new double[Math.toIntExact(range.lengthMinutes())];
            Arrays.fill(none, Double.NaN);
            return none;
        }
    }
}
