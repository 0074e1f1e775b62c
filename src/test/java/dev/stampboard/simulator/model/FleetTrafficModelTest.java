package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.simulator.model.Measurements.StampPool;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetTrafficModelTest {

    private static final long SEED = SeedScenarioTest.SEED;
    /** 17:00 UTC = 12:00 in New York, 18:00 in Amsterdam: busy hours in both seed regions. */
    private static final long BUSY = Measurements.epochMinute("2026-11-26T17:00:00Z");
    /** 08:00 UTC = 03:00 in New York: the quiet night. */
    private static final long NIGHT = Measurements.epochMinute("2026-11-26T08:00:00Z");

    private static final String MODELS = "openmindmodels.azurecr.io";

    private final Scenario seed = Scenarios.seed();
    private final FleetLayout layout = seed.initialLayout();
    private final FleetTrafficModel model = new FleetTrafficModel(seed, SEED);

    @Test
    void same_seed_minute_and_layout_give_the_same_snapshot() {
        MinuteSnapshot first = model.minute(BUSY, layout);
        assertThat(first.minute()).isEqualTo(BUSY);
        assertThat(model.minute(BUSY, layout)).isEqualTo(first);
        assertThat(new FleetTrafficModel(Scenarios.seed(), SEED)
                        .minute(BUSY, Scenarios.seed().initialLayout()))
                .isEqualTo(first);
    }

    @Test
    void call_order_does_not_matter() {
        FleetTrafficModel forward = new FleetTrafficModel(seed, SEED);
        FleetTrafficModel backward = new FleetTrafficModel(seed, SEED);
        List<MinuteSnapshot> a = new ArrayList<>();
        for (long m = BUSY; m < BUSY + 30; m++) {
            a.add(forward.minute(m, layout));
        }
        List<MinuteSnapshot> b = new ArrayList<>();
        for (long m = BUSY + 29; m >= BUSY; m--) {
            b.add(0, backward.minute(m, layout));
        }
        assertThat(b).isEqualTo(a);
    }

    @Test
    void a_different_seed_gives_different_noise() {
        MinuteSnapshot other = new FleetTrafficModel(seed, SEED + 1).minute(BUSY, layout);
        assertThat(other.nodeCpu()).isNotEqualTo(model.minute(BUSY, layout).nodeCpu());
        assertThat(other.traffic()).isNotEqualTo(model.minute(BUSY, layout).traffic());
    }

    @Test
    void every_node_of_every_stamp_reports_once_per_minute() {
        MinuteSnapshot snapshot = model.minute(BUSY, layout);
        int nodes = layout.stamps().stream()
                .mapToInt(s -> s.registryNodes().size() + s.dataproxyNodes().size())
                .sum();
        assertThat(snapshot.nodeCpu()).hasSize(nodes);
        assertThat(snapshot.nodeCpu())
                .filteredOn(s -> s.stamp().equals("eus-s01") && s.pool() == PoolKind.DATAPROXY)
                .extracting(NodeCpuSample::node)
                .containsExactlyElementsOf(layout.stamps().get(0).dataproxyNodes());
        assertThat(snapshot.traffic()).hasSize(layout.replicas().size());
    }

    @Test
    void cpu_stays_within_0_and_100_all_day_even_on_overloaded_stamps() {
        // squeeze stamp A onto two nodes per pool: far beyond capacity
        FleetLayout overloaded = withStamp(
                layout,
                "eus-s01",
                s -> new StampLayout(
                        s.name(),
                        s.region(),
                        s.regionZone(),
                        s.kind(),
                        List.of("rg-000", "rg-001"),
                        List.of("dp-000", "dp-001")));
        long start = Measurements.epochMinute("2026-11-26T00:00:00Z");
        for (long m = start; m < start + 24 * 60; m += 7) {
            for (FleetLayout l : List.of(layout, overloaded)) {
                assertThat(model.minute(m, l).nodeCpu())
                        .allSatisfy(s -> assertThat(s.cpu()).isBetween(0f, 100f));
            }
        }
        assertThat(Measurements.hotNode(model.minute(BUSY, overloaded))
                        .get(new StampPool("eus-s01", PoolKind.DATAPROXY)))
                .isEqualTo(100.0);
    }

    @Test
    void traffic_peaks_in_local_business_hours_and_drops_at_night() {
        ReplicaTraffic busy =
                traffic(model.minute(BUSY, layout), MODELS, "eastus").orElseThrow();
        ReplicaTraffic night =
                traffic(model.minute(NIGHT, layout), MODELS, "eastus").orElseThrow();
        assertThat(night.requests()).isLessThan((long) (busy.requests() * 0.8));
        assertThat(Measurements.hotNode(model.minute(NIGHT, layout)).get(new StampPool("eus-s01", PoolKind.DATAPROXY)))
                .isLessThan(Measurements.hotNode(model.minute(BUSY, layout))
                                .get(new StampPool("eus-s01", PoolKind.DATAPROXY))
                        - 20);
    }

    @Test
    void moving_a_home_stamp_moves_the_traffic_and_its_cpu() {
        FleetLayout moved = withHome(layout, MODELS, "eastus", "eus-s06");
        MinuteSnapshot before = model.minute(BUSY, layout);
        MinuteSnapshot after = model.minute(BUSY, moved);

        ReplicaTraffic was = traffic(before, MODELS, "eastus").orElseThrow();
        ReplicaTraffic now = traffic(after, MODELS, "eastus").orElseThrow();
        assertThat(was.stamp()).isEqualTo("eus-s01");
        assertThat(now.stamp()).isEqualTo("eus-s06");
        assertThat(now.requests()).isEqualTo(was.requests());
        assertThat(now.bytes()).isEqualTo(was.bytes());

        Map<StampPool, Double> hotBefore = Measurements.hotNode(before);
        Map<StampPool, Double> hotAfter = Measurements.hotNode(after);
        // the models registry pulls huge layers: many bytes, few requests (a small part of A's registry pool)
        assertThat(hotAfter.get(new StampPool("eus-s06", PoolKind.DATAPROXY)))
                .isGreaterThan(hotBefore.get(new StampPool("eus-s06", PoolKind.DATAPROXY)) + 5);
        assertThat(hotAfter.get(new StampPool("eus-s01", PoolKind.DATAPROXY)))
                .isLessThan(hotBefore.get(new StampPool("eus-s01", PoolKind.DATAPROXY)) - 5);
        assertThat(hotAfter.get(new StampPool("eus-s06", PoolKind.REGISTRY)))
                .isGreaterThan(hotBefore.get(new StampPool("eus-s06", PoolKind.REGISTRY)) + 0.2);
        assertThat(hotAfter.get(new StampPool("eus-s01", PoolKind.REGISTRY)))
                .isLessThan(hotBefore.get(new StampPool("eus-s01", PoolKind.REGISTRY)) - 0.2);
        // the other stamps do not notice
        assertThat(hotAfter.get(new StampPool("eus-s03", PoolKind.DATAPROXY)))
                .isEqualTo(hotBefore.get(new StampPool("eus-s03", PoolKind.DATAPROXY)));
    }

    @Test
    void more_nodes_means_lower_cpu_for_the_same_traffic() {
        FleetLayout scaledOut = withStamp(
                layout,
                "eus-s04",
                s -> new StampLayout(
                        s.name(),
                        s.region(),
                        s.regionZone(),
                        s.kind(),
                        NodeNames.nodes(PoolKind.REGISTRY, 36),
                        NodeNames.nodes(PoolKind.DATAPROXY, 24)));
        MinuteSnapshot before = model.minute(BUSY, layout);
        MinuteSnapshot after = model.minute(BUSY, scaledOut);
        assertThat(after.traffic().stream()
                        .filter(t -> t.stamp().equals("eus-s04"))
                        .mapToLong(ReplicaTraffic::requests)
                        .sum())
                .isEqualTo(before.traffic().stream()
                        .filter(t -> t.stamp().equals("eus-s04"))
                        .mapToLong(ReplicaTraffic::requests)
                        .sum());
        for (PoolKind pool : PoolKind.values()) {
            StampPool key = new StampPool("eus-s04", pool);
            assertThat(Measurements.hotNode(after).get(key))
                    .isLessThan(Measurements.hotNode(before).get(key) - 10);
            assertThat(average(after, key)).isLessThan(average(before, key));
        }
    }

    @Test
    void a_replica_on_an_unknown_stamp_produces_no_traffic() {
        FleetLayout lost = withHome(layout, MODELS, "eastus", "eus-s99");
        MinuteSnapshot snapshot = model.minute(BUSY, lost);
        assertThat(traffic(snapshot, MODELS, "eastus")).isEmpty();
        assertThat(snapshot.traffic()).hasSize(layout.replicas().size() - 1);
        assertThat(snapshot.nodeCpu()).noneMatch(s -> s.stamp().equals("eus-s99"));
    }

    @Test
    void a_stamp_that_is_not_active_serves_nothing_but_its_nodes_still_report_idle_cpu() {
        FleetLayout draining = withStamp(
                layout,
                "eus-s05",
                s -> new StampLayout(
                        s.name(),
                        s.region(),
                        s.regionZone(),
                        s.kind(),
                        StampStatus.DRAINING,
                        s.registryNodes(),
                        s.dataproxyNodes()));
        MinuteSnapshot snapshot = model.minute(BUSY, draining);
        assertThat(snapshot.traffic()).noneMatch(t -> t.stamp().equals("eus-s05"));
        assertThat(snapshot.nodeCpu())
                .filteredOn(s -> s.stamp().equals("eus-s05"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.cpu()).isLessThan(10f));
    }

    @Test
    void a_new_empty_stamp_in_the_layout_reports_idle_nodes_and_receives_moved_traffic() {
        List<StampLayout> stamps = new ArrayList<>(layout.stamps());
        stamps.add(new StampLayout(
                "eus-d01",
                "eastus",
                ZoneId.of("America/New_York"),
                StampKind.DEDICATED,
                NodeNames.nodes(PoolKind.REGISTRY, 12),
                NodeNames.nodes(PoolKind.DATAPROXY, 24)));
        FleetLayout withDedicated = new FleetLayout(stamps, layout.replicas());
        assertThat(Measurements.hotNode(model.minute(BUSY, withDedicated))
                        .get(new StampPool("eus-d01", PoolKind.DATAPROXY)))
                .isLessThan(10.0);
        FleetLayout moved = withHome(withDedicated, MODELS, "eastus", "eus-d01");
        assertThat(Measurements.hotNode(model.minute(BUSY, moved)).get(new StampPool("eus-d01", PoolKind.DATAPROXY)))
                .isGreaterThan(15.0);
    }

    @Test
    void a_hot_stamp_throttles_and_slows_down_while_a_cool_one_does_not() {
        // ten busy minutes on stamp A (dataproxy hot node near 96 %) against the cool stamp eus-s05
        long throttledOnA = 0, requestsOnA = 0, throttledOnCool = 0;
        double p99OnA = 0, p99OnCool = 0;
        for (long m = BUSY; m < BUSY + 10; m++) {
            for (ReplicaTraffic t : model.minute(m, layout).traffic()) {
                if (t.registry().equals(MODELS)) {
                    throttledOnA += t.throttled();
                    requestsOnA += t.requests();
                    p99OnA = Math.max(p99OnA, t.p99LatencyMs());
                }
                if (t.stamp().equals("eus-s05")) {
                    throttledOnCool += t.throttled();
                    p99OnCool = Math.max(
                            p99OnCool,
                            t.p99LatencyMs()
                                    / TrafficProfile.defaultP99LatencyMs(
                                            profile(t.registry()).bytesPerRequest()));
                }
            }
        }
        assertThat((double) throttledOnA / requestsOnA).isGreaterThan(0.02);
        assertThat(throttledOnCool).isZero();
        assertThat(p99OnA)
                .isGreaterThan(
                        3 * TrafficProfile.defaultP99LatencyMs(profile(MODELS).bytesPerRequest()));
        assertThat(p99OnCool).isLessThan(1.5);
    }

    @Test
    void errors_stay_near_a_tenth_of_a_percent_over_a_day() {
        long requests = 0, errors = 0;
        long start = Measurements.epochMinute("2026-11-26T00:00:00Z");
        for (long m = start; m < start + 24 * 60; m += 3) {
            for (ReplicaTraffic t : model.minute(m, layout).traffic()) {
                requests += t.requests();
                errors += t.errors();
                assertThat(t.throttled() + t.errors()).isLessThanOrEqualTo(t.requests());
            }
        }
        assertThat((double) errors / requests).isBetween(0.0005, 0.005);
    }

    @Test
    void an_error_burst_is_rare_and_lasts_ten_minutes() {
        // scan two weeks of one busy registry for burst minutes (error rate of the minute above 3 %)
        long start = Measurements.epochMinute("2026-11-01T00:00:00Z");
        int burstMinutes = 0;
        for (long m = start; m < start + 14 * 24 * 60; m++) {
            if (ServiceResponse.inErrorBurst(SEED, MODELS, "eastus", m)) {
                burstMinutes++;
            }
        }
        assertThat(burstMinutes % ServiceResponse.BURST_MINUTES).isZero();
        assertThat(burstMinutes).isLessThanOrEqualTo(5 * ServiceResponse.BURST_MINUTES);
    }

    private TrafficProfile profile(String registry) {
        return seed.registries().stream()
                .filter(r -> r.name().equals(registry))
                .findFirst()
                .orElseThrow()
                .profile();
    }

    private static double average(MinuteSnapshot snapshot, StampPool key) {
        return snapshot.nodeCpu().stream()
                .filter(s -> s.stamp().equals(key.stamp()) && s.pool() == key.pool())
                .mapToDouble(NodeCpuSample::cpu)
                .average()
                .orElseThrow();
    }

    private static Optional<ReplicaTraffic> traffic(MinuteSnapshot snapshot, String registry, String region) {
        return snapshot.traffic().stream()
                .filter(t -> t.registry().equals(registry) && t.region().equals(region))
                .findFirst();
    }

    static FleetLayout withHome(FleetLayout layout, String registry, String region, String stamp) {
        return new FleetLayout(
                layout.stamps(),
                layout.replicas().stream()
                        .map(r -> r.registry().equals(registry) && r.region().equals(region)
                                ? new ReplicaLayout(registry, region, stamp)
                                : r)
                        .toList());
    }

    static FleetLayout withStamp(
            FleetLayout layout, String stamp, java.util.function.UnaryOperator<StampLayout> change) {
        return new FleetLayout(
                layout.stamps().stream()
                        .map(s -> s.name().equals(stamp) ? change.apply(s) : s)
                        .toList(),
                layout.replicas());
    }
}
