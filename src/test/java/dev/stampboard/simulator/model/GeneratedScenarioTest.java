package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedScenarioTest {

    @Test
    void same_arguments_give_the_same_scenario() {
        assertThat(Scenarios.generated(2, 3, 5, 9)).isEqualTo(Scenarios.generated(2, 3, 5, 9));
        assertThat(Scenarios.generated(2, 3, 5, 9)).isNotEqualTo(Scenarios.generated(2, 3, 5, 10));
    }

    @Test
    void has_the_requested_size_and_unique_names() {
        Scenario s = Scenarios.generated(3, 4, 12, 5);
        assertThat(s.regions()).hasSize(3);
        assertThat(s.stamps()).hasSize(12);
        assertThat(s.registries()).hasSize(144);
        Set<String> names = new HashSet<>();
        s.registries().forEach(r -> assertThat(names.add(r.name())).isTrue());
        assertThat(s.registries()).allSatisfy(r -> assertThat(r.name()).matches("[a-z0-9]{5,50}\\.azurecr\\.io"));
        assertThat(s.registries())
                .allSatisfy(r -> assertThat(s.customers())
                        .extracting(ScenarioCustomer::name)
                        .contains(r.customer()));
    }

    /** The time per minute of this fleet is {@link TrafficModelBenchmark}'s, not this test's. */
    @Test
    void five_hundred_stamps_with_a_hundred_registries_each_build_a_minute() {
        Scenario scenario = Scenarios.generated(10, 50, 100, 2026);
        FleetLayout layout = scenario.initialLayout();
        FleetTrafficModel model = new FleetTrafficModel(scenario, 2026);
        MinuteSnapshot first = model.minute(Measurements.epochMinute("2026-11-26T15:00:00Z"), layout);

        assertThat(scenario.stamps()).hasSize(500);
        assertThat(first.traffic()).hasSize(50_000);
        assertThat(first.nodeCpu()).allSatisfy(s -> assertThat(s.cpu()).isBetween(0f, 100f));
    }
}
