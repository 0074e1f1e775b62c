package dev.stampboard.dashboard;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.HotNodeSeries;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.RollingP95;
import dev.stampboard.signals.engine.TrafficSeries;
import dev.stampboard.signals.engine.TrafficShare;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What the stamp detail screen shows, combined from the inventory and the signals engine. */
@Service
public class StampDetailService {

    /** Bars of the traffic-share chart before the rest is summed into "others". */
    public static final int TOP_N = 8;
    /** How far back the "latest" p99 may be. */
    static final int LATEST_MINUTES = 15;

    private final FleetService fleet;
    private final SignalsService signals;

    StampDetailService(FleetService fleet, SignalsService signals) {
        this.fleet = fleet;
        this.signals = signals;
    }

    /** The stamp with both pools' current hot-node P95, or empty for an unknown name. */
    public Optional<StampSignals> stamp(String name) {
        return fleet.stamp(name).map(s -> signals.stampSignals(s.name()));
    }

    /** "last 12 h" or "daily 08:00–20:00 Europe/Amsterdam". */
    public String peakWindowDescription() {
        return describe(signals.settings().peakWindow());
    }

    /** Minute values and rolling P95 for every minute of the current peak window. */
    public HotNodeTrend hotNodeTrend(String stamp, PoolKind pool) {
        return hotNodeTrend(stamp, pool, signals.peakRange());
    }

    /**
     * The same for the last {@code hours} up to now (the time-range picker); minutes the console no
     * longer keeps, or never saw, are gaps.
     */
    public HotNodeTrend hotNodeTrend(String stamp, PoolKind pool, int hours) {
        long now = signals.nowMinute();
        return hotNodeTrend(stamp, pool, new MinuteRange(now - hours * 60L + 1, now));
    }

    private HotNodeTrend hotNodeTrend(String stamp, PoolKind pool, MinuteRange range) {
        int window = Math.toIntExact(
                signals.settings().peakWindow().rangeAt(signals.nowMinute()).lengthMinutes());
        HotNodeSeries series = signals.hotNodeSeries(stamp, pool, range.fromMinute() - window + 1, range.toMinute());
        double[] rolling =
                RollingP95.of(series.minutes(), series.values(), range.fromMinute(), range.toMinute(), window);
        Map<Long, Double> byMinute = new java.util.HashMap<>();
        for (int i = 0; i < series.size(); i++) {
            byMinute.put(series.minutes()[i], series.values()[i]);
        }
        List<HotNodeTrend.Minute> minutes = new ArrayList<>(rolling.length);
        for (int i = 0; i < rolling.length; i++) {
            long m = range.fromMinute() + i;
            minutes.add(new HotNodeTrend.Minute(m, byMinute.get(m), Double.isNaN(rolling[i]) ? null : rolling[i]));
        }
        var settings = signals.settings();
        return new HotNodeTrend(
                minutes, settings.hotThreshold(), settings.warnThreshold(), describe(settings.peakWindow()));
    }

    /** The top {@value #TOP_N} registries by share of the pool's traffic, then "others" if any remain. */
    public List<ShareSlice> trafficShare(String stamp, PoolKind pool) {
        return topN(signals.trafficShare(stamp, pool), TOP_N);
    }

    /** Every customer with traffic on the stamp, largest share first, with its registries beneath. */
    public List<CustomerShare> customerShare(String stamp) {
        Map<String, double[]> byRegistry = new java.util.TreeMap<>();
        for (PoolKind pool : PoolKind.values()) {
            for (TrafficShare t : signals.trafficShare(stamp, pool)) {
                byRegistry.computeIfAbsent(t.registry(), k -> new double[2])[pool.ordinal()] += t.share();
            }
        }
        Map<String, List<CustomerShare.Registry>> byCustomer = new java.util.HashMap<>();
        byRegistry.forEach((registry, share) -> byCustomer
                .computeIfAbsent(
                        fleet.registry(registry).map(r -> r.customer()).orElse("unknown"), k -> new ArrayList<>())
                .add(new CustomerShare.Registry(
                        registry, share[PoolKind.REGISTRY.ordinal()], share[PoolKind.DATAPROXY.ordinal()])));
        List<CustomerShare> out = new ArrayList<>();
        byCustomer.forEach((customer, registries) -> {
            registries.sort(Comparator.comparingDouble(
                            (CustomerShare.Registry r) -> Math.max(r.registryShare(), r.dataproxyShare()))
                    .reversed());
            out.add(new CustomerShare(
                    customer,
                    registries.stream()
                            .mapToDouble(CustomerShare.Registry::registryShare)
                            .sum(),
                    registries.stream()
                            .mapToDouble(CustomerShare.Registry::dataproxyShare)
                            .sum(),
                    registries));
        });
        out.sort(Comparator.comparingDouble(CustomerShare::worst).reversed().thenComparing(CustomerShare::customer));
        return out;
    }

    static List<ShareSlice> topN(List<TrafficShare> shares, int n) {
        List<TrafficShare> sorted = shares.stream()
                .sorted(Comparator.comparingDouble(TrafficShare::share)
                        .reversed()
                        .thenComparing(TrafficShare::registry))
                .toList();
        List<ShareSlice> slices = new ArrayList<>();
        sorted.stream().limit(n).forEach(s -> slices.add(new ShareSlice(s.registry(), s.share(), false)));
        if (sorted.size() > n) {
            double rest = sorted.subList(n, sorted.size()).stream()
                    .mapToDouble(TrafficShare::share)
                    .sum();
            slices.add(new ShareSlice("others (" + (sorted.size() - n) + ")", rest, true));
        }
        return slices;
    }

    /** Every node of both pools with its newest CPU, hottest first; nodes without a sample last. */
    public List<NodeCpu> nodes(String stamp) {
        StampInfo info = fleet.requireStamp(stamp);
        List<NodeCpu> nodes = new ArrayList<>();
        for (PoolKind pool : PoolKind.values()) {
            if (info.pool(pool).isPresent()) {
                signals.latestNodeCpu(stamp, pool)
                        .forEach((node, cpu) -> nodes.add(
                                new NodeCpu(node, pool, cpu == null || cpu.isNaN() ? null : cpu.doubleValue())));
            }
        }
        nodes.sort(Comparator.comparing((NodeCpu n) -> n.cpu() == null ? Double.NEGATIVE_INFINITY : n.cpu())
                .reversed()
                .thenComparing(NodeCpu::node));
        return nodes;
    }

    /** The registries the stamp serves now, by share of its requests over the peak window. */
    public List<RegistryOnStamp> registries(String stamp) {
        MinuteRange peak = signals.peakRange();
        List<TrafficShare> shares = signals.trafficShare(stamp, PoolKind.REGISTRY);
        long totalRequests = shares.stream().mapToLong(TrafficShare::requests).sum();
        long totalBytes = shares.stream().mapToLong(TrafficShare::bytes).sum();
        String region = fleet.requireStamp(stamp).region();
        Map<String, TrafficShare> byRegistry = shares.stream()
                .filter(s -> s.region().equals(region))
                .collect(Collectors.toMap(TrafficShare::registry, Function.identity(), (a, b) -> a));
        List<RegistryOnStamp> rows = new ArrayList<>();
        for (RegistryInfo registry : fleet.registriesOn(stamp)) {
            TrafficShare share = byRegistry.get(registry.name());
            AlertSubject subject = AlertSubject.replica(registry.name(), region);
            rows.add(new RegistryOnStamp(
                    registry.name(),
                    registry.customer(),
                    share == null || totalRequests == 0 ? 0 : (double) share.requests() / totalRequests,
                    share == null || totalBytes == 0 ? 0 : (double) share.bytes() / totalBytes,
                    latest(signals.reactiveSeries(
                            subject,
                            ReactiveMetric.P99_LATENCY_MS,
                            new MinuteRange(peak.toMinute() - LATEST_MINUTES + 1, peak.toMinute()))),
                    throttlingRate(registry.name(), region, stamp, peak)));
        }
        rows.sort(Comparator.comparingDouble(RegistryOnStamp::requestShare)
                .reversed()
                .thenComparing(RegistryOnStamp::registry));
        return rows;
    }

    /** Throttled / requests over the minutes of the range in which {@code stamp} served the replica. */
    private @Nullable Double throttlingRate(String registry, String region, String stamp, MinuteRange range) {
        TrafficSeries traffic = signals.replicaTraffic(registry, region, range);
        double[] rate =
                signals.reactiveSeries(AlertSubject.replica(registry, region), ReactiveMetric.THROTTLING_RATE, range);
        double throttled = 0;
        double requests = 0;
        for (int i = 0; i < traffic.size(); i++) {
            if (stamp.equals(traffic.servedBy()[i]) && traffic.requests()[i] > 0 && !Double.isNaN(rate[i])) {
                throttled += rate[i] * traffic.requests()[i];
                requests += traffic.requests()[i];
            }
        }
        return requests == 0 ? null : throttled / requests;
    }

    private static @Nullable Double latest(double[] series) {
        for (int i = series.length - 1; i >= 0; i--) {
            if (!Double.isNaN(series[i])) {
                return series[i];
            }
        }
        return null;
    }

    /** Cutovers into or out of the stamp, newest first; a registry's first placement is not a move. */
    public List<HomeStampChange> moves(String stamp) {
        List<HomeStampChange> moves = new ArrayList<>(fleet.homeStampChangesOf(stamp).stream()
                .filter(c -> c.fromStamp() != null)
                .toList());
        moves.sort(Comparator.comparing(HomeStampChange::changedAt).reversed());
        return moves;
    }

    static String describe(PeakWindow window) {
        if (window instanceof PeakWindow.Trailing t) {
            return t.minutes() % 60 == 0 ? "last " + t.minutes() / 60 + " h" : "last " + t.minutes() + " min";
        }
        PeakWindow.DailyFixed d = (PeakWindow.DailyFixed) window;
        return "daily " + d.start() + "–" + d.end() + " " + d.zone();
    }
}
