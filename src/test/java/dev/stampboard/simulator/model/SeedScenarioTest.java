package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.simulator.model.Measurements.StampPool;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedScenarioTest {

    static final long SEED = 20261126L;

    private final Scenario seed = Scenarios.seed();
    private final FleetLayout layout = seed.initialLayout();

    @Test
    void has_the_seed_fleet_shape() {
        List<ScenarioStamp> eastus =
                seed.stamps().stream().filter(s -> s.region().equals("eastus")).toList();
        List<ScenarioStamp> westeurope = seed.stamps().stream()
                .filter(s -> s.region().equals("westeurope"))
                .toList();
        assertThat(eastus)
                .extracting(ScenarioStamp::name)
                .contains("eus-s01", "eus-s02", "eus-s03", "eus-s04", "eus-s05", "eus-s06");
        assertThat(westeurope).hasSizeBetween(2, 3);
        assertThat(seed.stamps()).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(StampKind.SHARED);
            assertThat(s.registryNodes()).isBetween(10, 20);
            assertThat(s.dataproxyNodes()).isBetween(10, 20);
            assertThat(s.minRegistryNodes()).isPositive().isLessThanOrEqualTo(s.registryNodes());
            assertThat(s.minDataproxyNodes()).isPositive().isLessThanOrEqualTo(s.dataproxyNodes());
            assertThat(s.storageAccounts()).isPositive();
        });
        assertThat(seed.regions())
                .extracting(r -> r.zone().getId())
                .containsExactly("America/New_York", "Europe/Amsterdam");

        ScenarioCustomer ai = seed.customers().stream()
                .filter(c -> c.name().equals("openmind-ai"))
                .findFirst()
                .orElseThrow();
        assertThat(ai.displayName()).isEqualTo("OpenMind AI");
        assertThat(ai.loginUser()).isEqualTo("frank");
        assertThat(seed.customers()).extracting(ScenarioCustomer::name).contains("contoso", "fabrikam", "northwind");

        List<ScenarioRegistry> aiRegistries = registriesOf("openmind-ai");
        assertThat(aiRegistries).hasSize(40);
        assertThat(aiRegistries)
                .allSatisfy(r -> assertThat(r.homeStampByRegion())
                        .hasSize(1)
                        .containsKey("eastus")
                        .containsAnyOf(Map.entry("eastus", "eus-s01"), Map.entry("eastus", "eus-s02")));
        assertThat(aiRegistries.stream()
                        .map(r -> r.homeStampByRegion().get("eastus"))
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("eus-s01", "eus-s02");
        assertThat(seed.registries())
                .filteredOn(r -> r.homeStampByRegion().size() == 2)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(seed.registries()).allSatisfy(r -> assertThat(r.name()).matches("[a-z0-9]{5,50}\\.azurecr\\.io"));
        Set<String> names = new HashSet<>();
        assertThat(seed.registries())
                .allSatisfy(r -> assertThat(names.add(r.name()))
                        .as("unique %s", r.name())
                        .isTrue());
    }

    @Test
    void initial_layout_has_all_stamps_with_named_nodes_and_every_replica_on_its_home_stamp() {
        assertThat(layout.stamps()).hasSize(seed.stamps().size());
        StampLayout a = layout.stamps().get(0);
        assertThat(a.name()).isEqualTo("eus-s01");
        assertThat(a.registryNodes()).hasSize(16).startsWith("rg-000", "rg-001").endsWith("rg-015");
        assertThat(a.dataproxyNodes()).hasSize(20).startsWith("dp-000").endsWith("dp-019");
        assertThat(layout.replicas())
                .contains(
                        new ReplicaLayout("contoso.azurecr.io", "eastus", "eus-s03"),
                        new ReplicaLayout("contoso.azurecr.io", "westeurope", "weu-s01"));
        int replicas = seed.registries().stream()
                .mapToInt(r -> r.homeStampByRegion().size())
                .sum();
        assertThat(layout.replicas()).hasSize(replicas);
    }

    @ParameterizedTest(name = "trailing 12 h ending {0}")
    @ValueSource(
            strings = {
                "2026-11-26T00:00:00Z",
                "2026-11-26T06:00:00Z",
                "2026-11-26T12:00:00Z",
                "2026-11-26T18:00:00Z",
                "2026-07-01T09:30:00Z"
            })
    void calibration_holds_at_any_time_of_day(String end) {
        Map<StampPool, Double> p95 =
                Measurements.trailing12hP95(new FleetTrafficModel(seed, SEED), layout, Measurements.epochMinute(end));

        assertThat(p95.get(new StampPool("eus-s01", PoolKind.DATAPROXY))).isBetween(94.0, 98.0);
        assertThat(p95.get(new StampPool("eus-s01", PoolKind.REGISTRY)))
                .isGreaterThan(45.0)
                .isLessThan(p95.get(new StampPool("eus-s01", PoolKind.DATAPROXY)) - 15);
        // B is cool (the seed's table: about 9 % registry, 11 % dataproxy); the second hot stamp is eus-s04
        assertThat(p95.get(new StampPool("eus-s02", PoolKind.REGISTRY))).isBetween(7.0, 11.0);
        assertThat(p95.get(new StampPool("eus-s02", PoolKind.DATAPROXY))).isBetween(9.0, 13.0);
        assertThat(p95.get(new StampPool("eus-s04", PoolKind.DATAPROXY)))
                .isGreaterThan(45.0)
                .isLessThanOrEqualTo(65.0);

        List<String> warm = eastusStamps().stream()
                .filter(s -> Math.max(
                                        p95.get(new StampPool(s, PoolKind.REGISTRY)),
                                        p95.get(new StampPool(s, PoolKind.DATAPROXY)))
                                >= 30
                        && Math.max(
                                        p95.get(new StampPool(s, PoolKind.REGISTRY)),
                                        p95.get(new StampPool(s, PoolKind.DATAPROXY)))
                                <= 40)
                .toList();
        List<String> cool = eastusStamps().stream()
                .filter(s -> p95.get(new StampPool(s, PoolKind.REGISTRY)) < 25
                        && p95.get(new StampPool(s, PoolKind.DATAPROXY)) < 25)
                .toList();
        assertThat(warm).as("warm eastus stamps").hasSizeGreaterThanOrEqualTo(2);
        assertThat(cool).as("cool eastus stamps").hasSizeGreaterThanOrEqualTo(2);
        assertThat(p95).allSatisfy((k, v) -> assertThat(v).isBetween(0.0, 100.0));
    }

    @ParameterizedTest(name = "model seed {0}")
    @ValueSource(longs = {1L, 42L, 7_777_777L})
    void calibration_does_not_depend_on_the_model_seed(long modelSeed) {
        Map<StampPool, Double> p95 = Measurements.trailing12hP95(
                new FleetTrafficModel(seed, modelSeed), layout, Measurements.epochMinute("2026-11-26T12:00:00Z"));
        assertThat(p95.get(new StampPool("eus-s01", PoolKind.DATAPROXY))).isBetween(94.0, 98.0);
        assertThat(p95.get(new StampPool("eus-s02", PoolKind.DATAPROXY))).isBetween(9.0, 13.0);
        assertThat(p95.get(new StampPool("eus-s04", PoolKind.DATAPROXY)))
                .isGreaterThan(45.0)
                .isLessThanOrEqualTo(65.0);
    }

    /**
     * The seed's outcome table, measured in the world itself (no planner, no console): every OpenMind registry on a
     * dedicated stamp, caches warm, the same 12 h window before and after. A: registry −7 % (flat), dataproxy −34 %
     * (96 → 64 %), within 5 points of the relative change; B: registry −3 pp, dataproxy −5 pp, within 1.5 pp.
     */
    @ParameterizedTest(name = "window ending {0}")
    @ValueSource(strings = {"2026-11-26T12:00:00Z", "2026-11-27T00:00:00Z", "2026-12-08T18:00:00Z"})
    void isolating_openmind_reproduces_the_seeds_table(String end) {
        FleetTrafficModel model = new FleetTrafficModel(seed, SEED);
        long e = Measurements.epochMinute(end);
        Map<StampPool, Double> before = Measurements.trailing12hP95(model, layout, e);
        Map<StampPool, Double> after = Measurements.trailing12hP95(model, SeedTableProbe.isolated(seed, layout), e);
        StampPool aRegistry = new StampPool("eus-s01", PoolKind.REGISTRY);
        StampPool aDataproxy = new StampPool("eus-s01", PoolKind.DATAPROXY);
        StampPool bRegistry = new StampPool("eus-s02", PoolKind.REGISTRY);
        StampPool bDataproxy = new StampPool("eus-s02", PoolKind.DATAPROXY);
        assertThat(100 * (after.get(aRegistry) / before.get(aRegistry) - 1)).isCloseTo(-7.0, within(5.0));
        assertThat(100 * (after.get(aDataproxy) / before.get(aDataproxy) - 1)).isCloseTo(-34.0, within(5.0));
        assertThat(before.get(aDataproxy)).isCloseTo(96.0, within(2.5));
        assertThat(after.get(aDataproxy)).as("A stays hot").isCloseTo(64.0, within(3.5));
        assertThat(after.get(bRegistry) - before.get(bRegistry)).isCloseTo(-3.0, within(1.5));
        assertThat(after.get(bDataproxy) - before.get(bDataproxy)).isCloseTo(-5.0, within(1.5));
    }

    @Test
    void four_of_forty_ai_registries_make_96_7_percent_of_requests_and_of_bytes_over_a_day() {
        FleetTrafficModel model = new FleetTrafficModel(seed, SEED);
        Set<String> ai =
                registriesOf("openmind-ai").stream().map(ScenarioRegistry::name).collect(Collectors.toSet());
        Map<String, long[]> byRegistry = new HashMap<>();
        long start = Measurements.epochMinute("2026-11-26T00:00:00Z");
        for (long m = start; m < start + 24 * 60; m++) {
            for (ReplicaTraffic t : model.minute(m, layout).traffic()) {
                if (ai.contains(t.registry())) {
                    long[] sum = byRegistry.computeIfAbsent(t.registry(), k -> new long[2]);
                    sum[0] += t.requests();
                    sum[1] += t.bytes();
                }
            }
        }
        assertThat(byRegistry).hasSize(40);
        for (int column = 0; column < 2; column++) {
            int c = column;
            List<Long> sorted = byRegistry.values().stream()
                    .map(v -> v[c])
                    .sorted((x, y) -> Long.compare(y, x))
                    .toList();
            double total = sorted.stream().mapToLong(Long::longValue).sum();
            double topFour =
                    sorted.subList(0, 4).stream().mapToLong(Long::longValue).sum();
            assertThat(100 * topFour / total).as(c == 0 ? "requests" : "bytes").isCloseTo(96.7, within(0.3));
        }
        Set<String> topByRequests = byRegistry.entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
                .limit(4)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(topByRequests).containsExactlyInAnyOrderElementsOf(Scenarios.AI_BIG_REGISTRIES);
    }

    @Test
    void the_36_smaller_ai_registries_fall_into_a_low_and_a_medium_group() {
        List<Double> peaks = registriesOf("openmind-ai").stream()
                .filter(r -> !Scenarios.AI_BIG_REGISTRIES.contains(r.name()))
                .map(r -> r.profile().peakRequestsPerMinute())
                .sorted()
                .toList();
        assertThat(peaks).hasSize(36);
        // a clear gap: the largest low one makes less than half of the smallest medium one
        assertThat(peaks.get(23) * 2).isLessThan(peaks.get(24));
    }

    private List<String> eastusStamps() {
        return seed.stamps().stream()
                .filter(s -> s.region().equals("eastus"))
                .map(ScenarioStamp::name)
                .toList();
    }

    private List<ScenarioRegistry> registriesOf(String customer) {
        return seed.registries().stream()
                .filter(r -> r.customer().equals(customer))
                .toList();
    }
}
