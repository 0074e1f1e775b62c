package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.simulator.model.Measurements.StampPool;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per effect of the world that the planner's model (DESIGN §3) leaves out. Most use a one-stamp fleet with
 * noiseless profiles, so each effect is seen alone.
 */
class WorldPhysicsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 17:00 UTC on a Thursday = 12:00 in New York. */
    private static final long BUSY = Measurements.epochMinute("2026-11-26T17:00:00Z");

    private static final WorldPhysics W = WorldPhysics.DEFAULT;

    @Test
    void a_request_costs_by_operation_and_a_byte_by_the_registrys_cache_misses() {
        RegistryCost manifestHeavy = new RegistryCost(0.8, 0.1);
        RegistryCost blobHeavy = new RegistryCost(0.2, 0.5);
        assertThat(manifestHeavy.perRequest()).isCloseTo(0.8 + 0.2 * 0.45, within(1e-12));
        assertThat(blobHeavy.perRequest()).isCloseTo(0.2 + 0.8 * 0.45, within(1e-12));
        assertThat(blobHeavy.perByte()).isGreaterThan(manifestHeavy.perByte() * 1.4);

        // two registries with the very same traffic load their pools differently, by their hidden cost
        List<String> names = List.of("alpha.azurecr.io", "omega.azurecr.io");
        double[] aboveIdle = new double[2];
        for (int i = 0; i < 2; i++) {
            Scenario one = oneStamp(names.get(i), new TrafficProfile(60_000, 5e6, 0, 0, 0, 100), CustomerRhythm.STEADY);
            aboveIdle[i] =
                    averageCpu(new FleetTrafficModel(one, 1).minute(BUSY, one.initialLayout()), PoolKind.REGISTRY)
                            - W.registryIdleCpu();
        }
        double ratio = RegistryCost.of(names.get(0)).perRequest()
                / RegistryCost.of(names.get(1)).perRequest();
        assertThat(Math.abs(ratio - 1)).as("the two names have different costs").isGreaterThan(0.05);
        assertThat(aboveIdle[0] / aboveIdle[1]).isCloseTo(ratio, within(0.05 * ratio));
    }

    @Test
    void a_registrys_hot_keys_land_on_a_third_of_the_nodes_so_the_hot_node_is_above_the_average() {
        String registry = "hotkeys.azurecr.io";
        Scenario one = oneStamp(registry, new TrafficProfile(120_000, 1.5e6, 0, 0, 0, 100), CustomerRhythm.STEADY);
        MinuteSnapshot minute = new FleetTrafficModel(one, 1).minute(BUSY, one.initialLayout());
        List<String> nodes = NodeNames.nodes(PoolKind.DATAPROXY, 12);
        int[] subset = NodeAffinity.subset(nodes, "s1", "DATAPROXY", registry);
        assertThat(subset).hasSize(4);
        double idle = W.dataproxyIdleCpu();
        double average = averageCpu(minute, PoolKind.DATAPROXY);
        double hot = Measurements.hotNode(minute).get(new StampPool("s1", PoolKind.DATAPROXY));
        double c = NodeAffinity.concentration(registry);
        // a subset node carries (1 − c)/n + c/k of the work, against 1/n on average
        assertThat((hot - idle) / (average - idle)).isCloseTo(1 - c + c * 12 / 4.0, within(0.1));
        float[] cpu = cpuOf(minute, PoolKind.DATAPROXY);
        for (int i : subset) {
            assertThat(cpu[i]).isGreaterThan((float) average);
        }
        // the choice depends on the registry and the stamp, not on the seed of the run
        assertThat(NodeAffinity.subset(nodes, "s2", "DATAPROXY", registry)).isNotEqualTo(subset);
    }

    @Test
    void a_destination_runs_hotter_while_its_cache_warms_up_and_the_extra_halves_every_half_life() {
        String registry = "arrived.azurecr.io";
        Scenario one = oneStamp(registry, new TrafficProfile(60_000, 2.5e6, 0, 0, 0, 100), CustomerRhythm.STEADY);
        FleetTrafficModel model = new FleetTrafficModel(one, 1);
        double warm = averageCpu(model.minute(BUSY, one.initialLayout()), PoolKind.DATAPROXY) - W.dataproxyIdleCpu();
        double[] extra = new double[4];
        long half = (long) W.warmupHalfLifeMinutes();
        long[] ages = {0, half, 2 * half, 12 * 60};
        for (int i = 0; i < ages.length; i++) {
            FleetLayout arrived = new FleetLayout(
                    one.initialLayout().stamps(), List.of(new ReplicaLayout(registry, "r", "s1", BUSY - ages[i])));
            extra[i] = (averageCpu(model.minute(BUSY, arrived), PoolKind.DATAPROXY) - W.dataproxyIdleCpu()) / warm - 1;
        }
        assertThat(extra[0]).isCloseTo(W.warmupExtra(), within(0.02));
        assertThat(extra[1]).isCloseTo(W.warmupExtra() / 2, within(0.02));
        assertThat(extra[2]).isCloseTo(W.warmupExtra() / 4, within(0.02));
        assertThat(extra[3])
                .as("12 h later")
                .isCloseTo(W.warmupExtra() * Math.pow(0.5, 720 / W.warmupHalfLifeMinutes()), within(0.02));
        assertThat(CacheWarmup.factor(W, PoolKind.REGISTRY, 0))
                .isLessThan(CacheWarmup.factor(W, PoolKind.DATAPROXY, 0));
    }

    @Test
    void the_source_drains_its_in_flight_requests_to_zero_within_25_to_55_seconds() {
        for (String registry : List.of("a.azurecr.io", "b.azurecr.io", "openmindmodels.azurecr.io")) {
            int end = SourceDrain.drainSeconds(registry);
            assertThat(end).isBetween(25, 55);
            long atCutover = SourceDrain.inFlight(registry, 60_000, 200e6, 0);
            // Little's law: 1000 requests/s × (0.05 s + 4 s of transfer)
            assertThat(atCutover).isCloseTo(4050, within(5L));
            long previous = atCutover;
            for (int s = 1; s <= 60; s++) {
                long now = SourceDrain.inFlight(registry, 60_000, 200e6, s);
                assertThat(now).isLessThanOrEqualTo(previous);
                assertThat(now == 0).as("zero from %d s on (%d s)", end, s).isEqualTo(s >= end);
                previous = now;
            }
        }
    }

    @Test
    void latency_grows_like_a_queue_and_a_saturated_stamp_throttles_and_fails_in_bursts() {
        assertThat(ServiceResponse.latencyFactor(50)).isCloseTo(1.25, within(1e-9));
        assertThat(ServiceResponse.latencyFactor(90)).isCloseTo(3.25, within(1e-9));
        // convex: the last ten points cost more than the first eighty
        assertThat(ServiceResponse.latencyFactor(99) - ServiceResponse.latencyFactor(89))
                .isGreaterThan(10 * (ServiceResponse.latencyFactor(80) - ServiceResponse.latencyFactor(0)));
        assertThat(ServiceResponse.throttledFraction(85)).isZero();
        assertThat(ServiceResponse.throttledFraction(95)).isGreaterThan(0.1);
        int burstMinutes = 0;
        for (long m = BUSY; m < BUSY + 600; m++) {
            assertThat(ServiceResponse.saturationErrorRate(1, "s1", m, 92.0)).isZero();
            if (ServiceResponse.saturationErrorRate(1, "s1", m, 99.0) > 0) {
                burstMinutes++;
            }
        }
        assertThat(burstMinutes).isBetween(200, 320); // about 0.44 of the minutes at 99 %
    }

    @Test
    void traffic_follows_the_customers_own_time_zone_and_its_weekends() {
        CustomerRhythm london = new CustomerRhythm(ZoneId.of("Europe/London"), 0.6, 0, 0, 1);
        Scenario one = oneStamp("londonci.azurecr.io", new TrafficProfile(10_000, 1e6, 1.0, 0, 0, 100), london);
        FleetTrafficModel model = new FleetTrafficModel(one, 1);
        // 07:00 UTC: 07:00 in London (busy), 02:00 in New York (the stamp's region: quiet)
        assertThat(requests(model, one, "2026-11-26T07:00:00Z")).isEqualTo(10_000);
        // 03:00 UTC: quiet in London although the region's evening is still busy
        assertThat(requests(model, one, "2026-11-26T03:00:00Z")).isZero();
        // Saturday noon in London
        assertThat(requests(model, one, "2026-11-28T12:00:00Z")).isEqualTo(6_000);
    }

    @Test
    void a_growing_customer_grows_week_over_week_from_the_growth_start() {
        CustomerRhythm growing = new CustomerRhythm(null, 1.0, 0.03, 0, 1);
        Scenario one = oneStamp("grows.azurecr.io", new TrafficProfile(10_000, 1e6, 0, 0, 0, 100), growing);
        FleetTrafficModel model = new FleetTrafficModel(one, 1);
        assertThat(requests(model, one, "2026-11-01T17:00:00Z")).isEqualTo(10_000);
        assertThat(requests(model, one, "2026-11-30T00:00:00Z")).isEqualTo(10_300);
        assertThat(requests(model, one, "2026-12-21T00:00:00Z")).isEqualTo(Math.round(10_000 * Math.pow(1.03, 4)));
    }

    @Test
    void a_release_burst_is_rare_lasts_three_hours_and_multiplies_the_traffic() {
        CustomerRhythm releases = new CustomerRhythm(null, 1.0, 0, 1.0, 1.6);
        Scenario one = oneStamp("releases.azurecr.io", new TrafficProfile(10_000, 1e6, 0, 0, 0, 100), releases);
        FleetTrafficModel model = new FleetTrafficModel(one, 7);
        long start = Measurements.epochMinute("2026-01-01T00:00:00Z");
        int burstBlocks = 0;
        for (long m = start; m < start + 365L * 1440; m += CustomerRhythm.BURST_MINUTES) {
            long r = model.minute(m, one.initialLayout()).traffic().get(0).requests();
            assertThat(r).isIn(10_000L, 16_000L);
            if (r == 16_000L) {
                burstBlocks++;
                assertThat(model.minute(m + CustomerRhythm.BURST_MINUTES - 1, one.initialLayout())
                                .traffic()
                                .get(0)
                                .requests())
                        .isEqualTo(16_000L);
            }
        }
        assertThat(burstBlocks).as("about one a month").isBetween(5, 22);
    }

    @Test
    void the_world_does_not_follow_the_planners_linear_model() {
        // DESIGN §3 predicts stamp A's dataproxy after moving the models registry away from the bytes it served;
        // the world answers with the registry's real cost and its nodes, so the two differ
        Scenario seed = Scenarios.seed();
        FleetLayout layout = seed.initialLayout();
        FleetTrafficModel model = new FleetTrafficModel(seed, SeedScenarioTest.SEED);
        String models = "openmindmodels.azurecr.io";
        FleetLayout moved = FleetTrafficModelTest.withHome(layout, models, "eastus", "eus-s06");
        double b = 6.0; // the planner's default idle baseline for dataproxy
        double sumError = 0;
        for (long m = BUSY; m < BUSY + 30; m++) {
            MinuteSnapshot before = model.minute(m, layout);
            double share = (double) before.traffic().stream()
                            .filter(t -> t.registry().equals(models))
                            .findFirst()
                            .orElseThrow()
                            .bytes()
                    / before.traffic().stream()
                            .filter(t -> t.stamp().equals("eus-s01"))
                            .mapToLong(ReplicaTraffic::bytes)
                            .sum();
            double hot = Measurements.hotNode(before).get(new StampPool("eus-s01", PoolKind.DATAPROXY));
            double predicted = b + (hot - b) * (1 - share);
            sumError += Measurements.hotNode(model.minute(m, moved)).get(new StampPool("eus-s01", PoolKind.DATAPROXY))
                    - predicted;
        }
        assertThat(Math.abs(sumError / 30))
                .as("mean miss of the linear model, pp")
                .isGreaterThan(1.5);
    }

    private static Scenario oneStamp(String registry, TrafficProfile profile, CustomerRhythm rhythm) {
        return new Scenario(
                "one",
                List.of(new ScenarioRegion("r", NEW_YORK)),
                List.of(new ScenarioStamp("s1", "r", StampKind.SHARED, 12, 12, 6, 6, 1)),
                List.of(new ScenarioCustomer("c", "C", null, rhythm)),
                List.of(new ScenarioRegistry(registry, "c", Map.of("r", "s1"), profile)));
    }

    private static long requests(FleetTrafficModel model, Scenario one, String at) {
        return model.minute(Measurements.epochMinute(at), one.initialLayout())
                .traffic()
                .get(0)
                .requests();
    }

    private static double averageCpu(MinuteSnapshot minute, PoolKind pool) {
        return minute.nodeCpu().stream()
                .filter(s -> s.pool() == pool)
                .mapToDouble(NodeCpuSample::cpu)
                .average()
                .orElseThrow();
    }

    private static float[] cpuOf(MinuteSnapshot minute, PoolKind pool) {
        List<NodeCpuSample> samples =
                minute.nodeCpu().stream().filter(s -> s.pool() == pool).toList();
        float[] out = new float[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.get(i).cpu();
        }
        return out;
    }
}
