package dev.stampboard.dashboard;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.signals.StateSince;
import dev.stampboard.signals.TriggerService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.HotNodes;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReactiveAlert;
import dev.stampboard.signals.engine.TriggerKind;
import dev.stampboard.signals.engine.TriggerRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Everything the fleet dashboard shows, computed in one place so the view only lays it out and
 * the server time can be measured without a browser.
 */
@Service
public class DashboardService {

    private final FleetService fleet;
    private final SignalsService signals;
    private final PlanningService planning;
    private final TriggerService triggers;

    DashboardService(FleetService fleet, SignalsService signals, PlanningService planning, TriggerService triggers) {
        this.fleet = fleet;
        this.signals = signals;
        this.planning = planning;
        this.triggers = triggers;
    }

    /**
     * The customer with the largest share of the stamp's hotter pool over the peak window, e.g.
     * "openmind-ai 62 %" (empty without traffic). Asked per visible row, so a 500-stamp region costs
     * only the rows on screen.
     */
    public String topTenant(StampSignals stamp) {
        PoolKind hotter = stamp.pools().stream()
                .filter(p -> p.hotNodeP95() != null)
                .max(Comparator.comparingDouble(p -> p.hotNodeP95()))
                .map(PoolSignal::pool)
                .orElse(PoolKind.DATAPROXY);
        java.util.Map<String, Double> byCustomer = new java.util.HashMap<>();
        for (var share : signals.trafficShare(stamp.stamp().name(), hotter)) {
            byCustomer.merge(
                    fleet.registry(share.registry()).map(r -> r.customer()).orElse("unknown"),
                    share.share(),
                    Double::sum);
        }
        return byCustomer.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue() * 100))
                .orElse("");
    }

    /** The region's plans that wait for someone: pending approval first, then approved, then running; newest first. */
    public List<OpenPlan> openPlans(String region) {
        List<OpenPlan> out = new ArrayList<>();
        for (PlanStatus status : List.of(PlanStatus.PENDING_APPROVAL, PlanStatus.APPROVED, PlanStatus.IN_PROGRESS)) {
            planning.list(status).stream()
                    .filter(p -> p.region().equals(region))
                    .map(p -> new OpenPlan(
                            p.id(),
                            p.status(),
                            p.stale(),
                            p.createdBy(),
                            p.submittedBy(),
                            p.createdAt(),
                            p.moves().size(),
                            planning.dedicatedStamps(p).size()))
                    .forEach(out::add);
        }
        return out;
    }

    public List<RegionInfo> regions() {
        return fleet.regions();
    }

    /**
     * The region shown when none is chosen: the one with the fleet's hottest stamp ({@link SignalsService#regionToOpen}).
     * Until session 16 the first region by name was shown, which put a new region of idle or still-silent stamps
     * ("a…-land") in front of a hot "eastus".
     */
    public Optional<String> defaultRegion() {
        return signals.regionToOpen();
    }

    public long nowMinute() {
        return signals.nowMinute();
    }

    public double hotThreshold() {
        return signals.settings().hotThreshold();
    }

    public double warnThreshold() {
        return signals.settings().warnThreshold();
    }

    /** The region's stamps, hottest first (worst state, then highest P95 of either pool). */
    public List<StampSignals> stamps(String region, boolean hotOnly) {
        return signals.stampSignalsIn(region).stream()
                .filter(s -> !hotOnly || s.worstState() == PoolState.WARN || s.worstState() == PoolState.HOT)
                .sorted(StampSignals.HOTTEST_FIRST)
                .toList();
    }

    /**
     * Hot-node minute values of one pool for the given stamps over the peak window: one row per
     * stamp, one column per minute, NaN where the pool had no sample.
     */
    public HeatmapData heatmap(List<String> stamps, PoolKind pool) {
        MinuteRange range = signals.settings().peakWindow().rangeAt(signals.nowMinute());
        List<float[]> rows = new ArrayList<>(stamps.size());
        List<HotNodes> hotNodes = new ArrayList<>(stamps.size());
        for (String stamp : stamps) {
            if (fleet.stamp(stamp).flatMap(s -> s.pool(pool)).isPresent()) {
                rows.add(signals.hotNodeMinutes(stamp, pool, range));
                hotNodes.add(signals.hotNodes(stamp, pool, range));
            } else {
                float[] none = new float[Math.toIntExact(range.lengthMinutes())];
                java.util.Arrays.fill(none, Float.NaN);
                rows.add(none);
                int[] nobody = new int[none.length];
                java.util.Arrays.fill(nobody, -1);
                hotNodes.add(new HotNodes(List.of(), nobody));
            }
        }
        return new HeatmapData(pool, range.fromMinute(), List.copyOf(stamps), rows, hotNodes);
    }

    /** Pools at WARN or HOT and firing reactive triggers of the region, most severe first. */
    public List<Alert> alerts(String region) {
        List<Alert> alerts = new ArrayList<>();
        for (StampSignals s : signals.stampSignalsIn(region)) {
            for (PoolSignal p : s.pools()) {
                if (p.state() == PoolState.WARN || p.state() == PoolState.HOT) {
                    StateSince since = signals.stateSince(s.stamp().name(), p.pool());
                    alerts.add(new Alert(
                            p.state() == PoolState.HOT ? Alert.Severity.HOT : Alert.Severity.WARN,
                            AlertSubject.stamp(s.stamp().name()),
                            p.pool() + " hot-node P95 "
                                    + String.format(java.util.Locale.ROOT, "%.1f %%", p.hotNodeP95())
                                    + (p.state() == PoolState.HOT
                                            ? " above " + p.threshold() + " %"
                                            : " near the threshold"),
                            p.hotNodeP95() == null ? 0 : p.hotNodeP95(),
                            since.sinceMinute(),
                            since.atLeast(),
                            p.state() == PoolState.HOT ? TriggerKind.P95 : null));
                }
            }
        }
        java.util.Set<String> regionStamps =
                fleet.stamps(region).stream().map(st -> st.name()).collect(java.util.stream.Collectors.toSet());
        for (ReactiveAlert a : signals.activeAlerts()) {
            if (inRegion(a.subject(), region, regionStamps)) {
                alerts.add(new Alert(
                        Alert.Severity.TRIGGER,
                        a.subject(),
                        TriggerRules.describe(a, signals.nowMinute()),
                        a.rule().threshold() > 0 ? a.latestValue() / a.rule().threshold() : 0,
                        a.sinceMinute(),
                        false,
                        TriggerKind.REACTIVE));
            }
        }
        // the score trigger (issue 16): a stamp scored at or above the region's threshold for N minutes
        triggers.triggeredIn(region).values().stream()
                .flatMap(List::stream)
                .filter(t -> t.kind() == TriggerKind.SCORE)
                .forEach(t -> alerts.add(new Alert(
                        Alert.Severity.TRIGGER,
                        AlertSubject.stamp(t.stamp()),
                        t.detail(),
                        Double.isNaN(t.severity()) ? 0 : t.severity(),
                        t.sinceMinute(),
                        false,
                        TriggerKind.SCORE)));
        // the worst first: by severity, then by how far it is (the 100 % stamp before the 46 % one; among triggers of
        // different units, the one furthest past its rule), then the oldest
        alerts.sort(Alert.WORST_FIRST);
        return alerts;
    }

    /** Whether a reactive alert belongs to the region: a stamp of it, or a registry's replica in it. */
    static boolean inRegion(AlertSubject subject, String region, java.util.Set<String> regionStamps) {
        if (subject instanceof AlertSubject.Replica replica) {
            return replica.region().value().equals(region);
        }
        return regionStamps.contains(((AlertSubject.Stamp) subject).name().value());
    }
}
