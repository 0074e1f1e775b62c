package dev.stampboard.dashboard;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.ReactiveMetric;
import dev.stampboard.signals.engine.ReactiveRule;
import dev.stampboard.signals.engine.TrafficSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the registry detail screen shows. Visibility is decided here, not in the view: a customer user sees
 * only its own customer's registries, and another customer's registry is indistinguishable from a missing one.
 */
@Service
public class RegistryDetailService {

    private final FleetService fleet;
    private final SignalsService signals;
    private final CurrentUser user;

    RegistryDetailService(FleetService fleet, SignalsService signals, CurrentUser user) {
        this.fleet = fleet;
        this.signals = signals;
        this.user = user;
    }

    /** The registry if it exists and the signed-in user may see it. */
    public Optional<RegistryInfo> visibleRegistry(String name) {
        Optional<String> onlyCustomer = user.restrictedToCustomer();
        return fleet.registry(name)
                .filter(r -> onlyCustomer.map(r.customer()::equals).orElse(true));
    }

    /** Whether the user may follow links to stamps (staff); customers see stamp names only. */
    public boolean mayOpenStamps() {
        return user.restrictedToCustomer().isEmpty();
    }

    public String customerDisplayName(RegistryInfo registry) {
        return fleet.customer(registry.customer()).map(c -> c.displayName()).orElse(registry.customer());
    }

    /** Home-stamp changes of a visible registry, newest first. */
    public List<HomeStampChange> history(RegistryInfo registry) {
        List<HomeStampChange> history = new ArrayList<>(fleet.homeStampHistory(registry.name()));
        history.sort(Comparator.comparing(HomeStampChange::changedAt).reversed());
        return history;
    }

    /** The replicas, home region first: the region the registry was first placed in, then by name. */
    public List<ReplicaInfo> replicasHomeFirst(RegistryInfo registry) {
        Set<String> order = new LinkedHashSet<>();
        fleet.homeStampHistory(registry.name()).forEach(c -> order.add(c.region()));
        List<String> regions = new ArrayList<>(order);
        return registry.replicas().stream()
                .sorted(Comparator.comparingInt((ReplicaInfo r) ->
                                regions.contains(r.region()) ? regions.indexOf(r.region()) : Integer.MAX_VALUE)
                        .thenComparing(ReplicaInfo::region))
                .toList();
    }

    /** Requests, GB, p99 and throttling per minute of the peak window for one replica. */
    public ReplicaSeries replicaSeries(RegistryInfo registry, ReplicaInfo replica) {
        MinuteRange range = signals.peakRange();
        AlertSubject subject = AlertSubject.replica(registry.name(), replica.region());
        TrafficSeries traffic = signals.replicaTraffic(registry.name(), replica.region(), range);
        double[] p99 = signals.reactiveSeries(subject, ReactiveMetric.P99_LATENCY_MS, range);
        double[] throttling = signals.reactiveSeries(subject, ReactiveMetric.THROTTLING_RATE, range);
        List<ReplicaSeries.Minute> minutes = new ArrayList<>(traffic.size());
        for (int i = 0; i < traffic.size(); i++) {
            minutes.add(new ReplicaSeries.Minute(
                    traffic.minutes()[i],
                    orNull(traffic.requests()[i]),
                    orNull(traffic.bytes()[i] / 1e9),
                    orNull(p99[i]),
                    orNull(throttling[i] * 100)));
        }
        return new ReplicaSeries(
                replica.region(),
                replica.homeStamp(),
                StampDetailService.describe(signals.settings().peakWindow()),
                minutes,
                limit(ReactiveMetric.THROTTLING_RATE, 100),
                limit(ReactiveMetric.P99_LATENCY_MS, 1));
    }

    /** The first reactive rule's threshold for the metric, scaled to the chart's unit. */
    private @Nullable Double limit(ReactiveMetric metric, double scale) {
        return signals.settings().reactiveRules().stream()
                .filter(r -> r.metric() == metric)
                .map(ReactiveRule::threshold)
                .map(t -> t * scale)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
