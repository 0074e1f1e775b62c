package dev.stampboard.capacity;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.calibration.CalibrationService;
import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.engine.CapacityAdvisor;
import dev.stampboard.capacity.engine.CapacitySettings;
import dev.stampboard.capacity.engine.DailyPeak;
import dev.stampboard.capacity.engine.GrowthForecast;
import dev.stampboard.capacity.engine.LevelShift;
import dev.stampboard.capacity.engine.PoolAdvice;
import dev.stampboard.capacity.engine.PoolWindow;
import dev.stampboard.capacity.engine.RealisedSavings;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.MinuteRange;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Capacity recommendations, growth forecasts and savings (issue 17, DESIGN §7). Each ACTIVE pool is sized with the
 * prediction model the planner uses (its idle baseline calibrated from outcomes once enough moves were measured) on
 * the pool's current peak window, with growth from the forecast of its daily peak history.
 */
@Service
@EnableConfigurationProperties(CapacityProperties.class)
public class CapacityService {

    private final FleetService fleet;
    private final SignalsService signals;
    private final CalibrationService calibration;
    private final DailyPeakHistory history;
    private final DailyPeakRecorder recorder;
    private final CapacityProperties properties;
    private final CapacityChangeService changes;
    private final LevelShifts shifts;
    private final double registryBaseline;
    private final double dataproxyBaseline;
    private final double margin;
    private volatile @Nullable Forecasts forecasts;

    private record Forecasts(
            LocalDate today,
            long version,
            double threshold,
            Map<String, GrowthForecast.Forecast> byPool,
            Map<String, List<DailyPeak>> history) {}

    CapacityService(
            FleetService fleet,
            SignalsService signals,
            CalibrationService calibration,
            DailyPeakHistory history,
            DailyPeakRecorder recorder,
            CapacityProperties properties,
            CapacityChangeService changes,
            @Value("${stampboard.planning.idle-baseline-registry:7.0}") double registryBaseline,
            @Value("${stampboard.planning.idle-baseline-dataproxy:6.0}") double dataproxyBaseline,
            @Value("${stampboard.planning.margin:5.0}") double margin) {
        this.fleet = fleet;
        this.signals = signals;
        this.calibration = calibration;
        this.history = history;
        this.recorder = recorder;
        this.properties = properties;
        this.changes = changes;
        this.shifts = new LevelShifts(fleet, signals, changes);
        this.registryBaseline = registryBaseline;
        this.dataproxyBaseline = dataproxyBaseline;
        this.margin = margin > 0 ? margin : 5.0;
    }

    /** The open recommendations (scale in or out) of a region, or of the fleet; biggest saving first. */
    public List<CapacityRecommendation> recommendations(@Nullable String region) {
        return outlook(region).stream()
                .filter(PoolOutlook::actionable)
                .map(PoolOutlook::recommendation)
                .toList();
    }

    /** Every ACTIVE pool with its advice and forecast; actionable ones first, biggest saving first. */
    public List<PoolOutlook> outlook(@Nullable String region) {
        List<StampInfo> stamps = region == null ? fleet.stamps() : fleet.stamps(requireRegion(region));
        CapacitySettings settings = settings();
        Calibration model = calibration.forPlanner();
        Forecasts forecasts = forecasts();
        List<PoolOutlook> out = new ArrayList<>();
        for (StampInfo stamp : stamps) {
            if (stamp.status() != StampStatus.ACTIVE) {
                continue;
            }
            MinuteRange window = signals.peakRange(stamp.region());
            for (PoolInfo pool : stamp.pools()) {
                if (pool.nodes().isEmpty()) {
                    continue;
                }
                PoolWindow w = new PoolWindow(
                        stamp.name(),
                        pool.kind(),
                        pool.nodes().size(),
                        pool.minInstances(),
                        model.baseline(stamp.name(), pool.kind(), plannerBaseline(pool.kind())),
                        signals.hotNodeMinutes(stamp.name(), pool.kind(), window));
                LevelShift shift = lastShift(stamp.name(), pool.kind());
                GrowthForecast.Forecast forecast = forecastOf(forecasts, stamp.name(), pool.kind(), shift);
                // settling: the pool's level shifted inside the window, so the window does not describe it yet
                LevelShift inWindow = shift != null && shift.minute() >= window.fromMinute() ? shift : null;
                boolean settling = inWindow != null;
                PoolAdvice advice = inWindow != null
                        ? CapacityAdvisor.settling(
                                w, inWindow, window.fromMinute(), inWindow.minute() + 1 + window.lengthMinutes())
                        : CapacityAdvisor.advise(w, settings, forecast);
                if (advice != null) {
                    double price = properties.monthlyPrice(stamp.region(), pool.kind());
                    out.add(new PoolOutlook(
                            stamp.name(),
                            stamp.region(),
                            pool.kind(),
                            advice,
                            forecast,
                            price,
                            -advice.nodeChange() * price,
                            shift,
                            settling));
                }
            }
        }
        out.sort(Comparator.comparing((PoolOutlook o) -> !o.actionable())
                .thenComparing(o -> -o.monthlySaving())
                .thenComparing(PoolOutlook::stamp)
                .thenComparing(PoolOutlook::pool));
        return out;
    }

    /** The growth forecast of one pool's daily peak P95; empty with fewer than 4 days of history. */
    public Optional<GrowthForecast.Forecast> forecast(String stamp, PoolKind pool) {
        fleet.requireStamp(stamp);
        return Optional.ofNullable(forecastOf(forecasts(), stamp, pool, lastShift(stamp, pool)));
    }

    /** The pool's last level shift: a replica moved into or out of its stamp, or the pool resized; null: none. */
    public @Nullable LevelShift lastShift(String stamp, PoolKind pool) {
        return shifts.last(stamp, pool);
    }

    /**
     * The pool's growth forecast from the daily peaks after its last level shift (the shift's own day mixes two
     * loads): null with fewer than {@value GrowthForecast#TREND_MIN_DAYS} such days.
     */
    private GrowthForecast.@Nullable Forecast forecastOf(
            Forecasts f, String stamp, PoolKind pool, @Nullable LevelShift shift) {
        String key = DailyPeakHistory.key(stamp, pool);
        if (shift == null) {
            return f.byPool().get(key);
        }
        LocalDate shiftDay = LocalDate.ofInstant(shift.at(), ZoneOffset.UTC);
        List<DailyPeak> rows = f.history().getOrDefault(key, List.of());
        if (rows.stream().allMatch(d -> d.day().isAfter(shiftDay))) {
            return f.byPool().get(key);
        }
        List<DailyPeak> after =
                rows.stream().filter(d -> d.day().isAfter(shiftDay)).toList();
        return GrowthForecast.fit(after, f.today(), properties.forecastDays(), f.threshold(), properties.confidence());
    }

    /** Days until the stamp's first pool turns HOT by its forecast (0: HOT now); empty when none does in the horizon. */
    public OptionalInt daysUntilHot(String stamp) {
        Forecasts forecasts = forecasts();
        OptionalInt best = OptionalInt.empty();
        double threshold = signals.settings().hotThreshold();
        for (PoolKind kind : PoolKind.values()) {
            Integer days = null;
            double now = signals.hotNodeP95(stamp, kind).orElse(Double.NaN);
            if (now > threshold) {
                days = 0;
            } else {
                String key = DailyPeakHistory.key(stamp, kind);
                // without a forecast on the whole history there is none on the days after a shift either
                GrowthForecast.Forecast f = forecasts.byPool().containsKey(key)
                        ? forecastOf(forecasts, stamp, kind, lastShift(stamp, kind))
                        : null;
                days = f == null ? null : f.daysUntilHot();
            }
            if (days != null && (best.isEmpty() || days < best.getAsInt())) {
                best = OptionalInt.of(days);
            }
        }
        return best;
    }

    /** The forecast's horizon in days ("not within N days" when a pool does not cross in it). */
    public int forecastDays() {
        return properties.forecastDays();
    }

    public CapacitySettings settings() {
        return new CapacitySettings(
                signals.settings().hotThreshold(),
                margin,
                properties.headroomPp(),
                properties.floorNodes(),
                properties.scaleOutWithinDays(),
                properties.maxScaleInStep());
    }

    /** Node prices per region and pool kind, a month and an hour. */
    public List<NodePrice> prices() {
        List<NodePrice> out = new ArrayList<>();
        for (RegionInfo region : fleet.regions()) {
            for (PoolKind kind : PoolKind.values()) {
                out.add(new NodePrice(
                        region.name(),
                        kind,
                        properties.hourlyPrice(region.name(), kind),
                        properties.monthlyPrice(region.name(), kind)));
            }
        }
        return out;
    }

    public String currency() {
        return properties.currency();
    }

    /** A node's price in a region: per hour and per month (730 h). */
    public record NodePrice(String region, PoolKind pool, double hourly, double monthly) {}

    /** A day's realised saving: the monthly run rate of the scale-ins completed on or before it. */
    public record SavingsPoint(LocalDate day, double realisedMonthly) {}

    /**
     * The fleet's savings a month: what the open scale-in recommendations would save ("potential"), what completed
     * (validated, not rolled back) scale-ins save ("realised", at today's node prices), what the fleet's nodes cost,
     * and the realised saving on each day of the history window.
     */
    public record Savings(
            double openMonthly, double realisedMonthly, double fleetMonthlyCost, List<SavingsPoint> overTime) {}

    /** Reads completed changes: a signed-in viewer's call (the capacity page, the API). */
    public Savings savings() {
        double open = outlook(null).stream()
                .filter(o -> o.advice().kind() == PoolAdvice.Kind.SCALE_IN)
                .mapToDouble(PoolOutlook::monthlySaving)
                .sum();
        double cost = 0;
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolInfo pool : stamp.pools()) {
                cost += properties.monthlyPrice(stamp.region(), pool.kind())
                        * pool.nodes().size();
            }
        }
        List<RealisedSavings.Completed> completed = changes.completed().stream()
                .map(c -> new RealisedSavings.Completed(
                        c.stamp(),
                        c.pool().name(),
                        c.resize().fromInstances(),
                        c.resize().toInstances(),
                        LocalDate.ofInstant(c.stateSince(), ZoneOffset.UTC),
                        properties.monthlyPrice(c.region(), c.pool())))
                .toList();
        LocalDate today = recorder.today();
        List<SavingsPoint> points =
                RealisedSavings.overTime(completed, today.minusDays(properties.historyDays()), today).stream()
                        .map(p -> new SavingsPoint(p.day(), p.monthly()))
                        .toList();
        return new Savings(open, RealisedSavings.monthly(completed), cost, points);
    }

    /**
     * A region's headroom in one pool kind: its nodes, the nodes the model says would do (the recommended count of
     * every ACTIVE pool, a HOT pool counted as it is), and its hottest pool.
     */
    public record RegionHeadroom(String region, PoolKind pool, int nodes, int neededNodes, double hottestP95) {
        public int spareNodes() {
            return nodes - neededNodes;
        }
    }

    /** One region and pool kind's nodes now and recommended, and its hottest pool's P95 now. */
    private static final class Tally {
        int currentNodes;
        int recommendedNodes;
        double hottestP95 = Double.NEGATIVE_INFINITY;

        void add(PoolAdvice advice) {
            currentNodes += advice.currentNodes();
            recommendedNodes += advice.recommendedNodes();
            hottestP95 = Math.max(hottestP95, advice.currentP95());
        }
    }

    public List<RegionHeadroom> headroom() {
        Map<String, Tally> tallies = new java.util.TreeMap<>();
        for (PoolOutlook o : outlook(null)) {
            String key = o.region() + "/" + o.pool().name();
            tallies.computeIfAbsent(key, k -> new Tally()).add(o.advice());
        }
        List<RegionHeadroom> out = new ArrayList<>();
        tallies.forEach((key, t) -> {
            int slash = key.lastIndexOf('/');
            out.add(new RegionHeadroom(
                    key.substring(0, slash),
                    PoolKind.valueOf(key.substring(slash + 1)),
                    t.currentNodes,
                    t.recommendedNodes,
                    t.hottestP95));
        });
        return out;
    }

    String requireRegion(String region) {
        if (region.isBlank()) {
            throw new InvalidInputException("'region' must not be blank");
        }
        if (fleet.regions().stream().noneMatch(r -> r.name().equals(region))) {
            throw new InvalidInputException("Unknown region '" + region + "'; known: "
                    + fleet.regions().stream().map(RegionInfo::name).sorted().toList());
        }
        return region;
    }

    double plannerBaseline(PoolKind kind) {
        return kind == PoolKind.REGISTRY ? registryBaseline : dataproxyBaseline;
    }

    /** Daily peak history of every pool over the history window (oldest first). */
    Map<String, List<DailyPeak>> history() {
        return forecasts().history();
    }

    private Forecasts forecasts() {
        recorder.awaitBackfill();
        LocalDate today = recorder.today();
        long version = recorder.version();
        double threshold = signals.settings().hotThreshold();
        Forecasts f = forecasts;
        if (f != null && f.today().equals(today) && f.version() == version && f.threshold() == threshold) {
            return f;
        }
        Map<String, List<DailyPeak>> rows = history.since(today.minusDays(properties.historyDays()));
        Map<String, GrowthForecast.Forecast> byPool = new HashMap<>();
        rows.forEach((key, peaks) -> {
            GrowthForecast.Forecast forecast =
                    GrowthForecast.fit(peaks, today, properties.forecastDays(), threshold, properties.confidence());
            if (forecast != null) {
                byPool.put(key, forecast);
            }
        });
        f = new Forecasts(today, version, threshold, Map.copyOf(byPool), Map.copyOf(rows));
        forecasts = f;
        return f;
    }
}
