package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.RegistryLoad;
import dev.stampboard.planning.engine.Sizing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The one sizing path honours {@code stampboard.isolation.*}: an isolation request's stated peaks and a
 * plan's dedicated stamp (sized from its registries' measured peaks) both grow when the per-node capacity
 * shrinks. Only the sizing bean and its binding are started, not the console.
 */
class StampSizingTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(StampSizing.class);

    /** Two registries that together peak at 20 000 QPS and 40 Gbit/s, and one far bigger that is not sized. */
    private static final PlanningInput INPUT = new PlanningInput(
            "eastus",
            0,
            List.of(),
            List.of(
                    new RegistryLoad("a", "s1", Map.of(), 0, 600_000, 1.5e11),
                    new RegistryLoad("b", "s1", Map.of(), 0, 600_000, 1.5e11),
                    new RegistryLoad("huge", "s1", Map.of(), 0, 6_000_000, 1.5e12)),
            PlanningSettings.defaults(),
            Set.of());

    @Test
    void the_default_figures_size_as_design_section_6() {
        context.run(ctx -> {
            StampSizing sizing = ctx.getBean(StampSizing.class);
            // ceil(20000 / (500 × 0.40) × 1.2) = 120; ceil(40 / (6 × 0.40) × 1.2) = 20; ceil(300 / 100) = 3
            assertThat(figures(sizing.size(20_000, 40, 300))).containsExactly(120, 20, 3);
            assertThat(figures(StampSizing.forPeaksOf(INPUT, Set.of("a", "b"), sizing.settings())))
                    .containsExactly(120, 20, 1);
        });
    }

    @Test
    void a_changed_isolation_setting_changes_the_request_and_the_plan_sizing_alike() {
        context.withPropertyValues(
                        "stampboard.isolation.registry-node-qps=250",
                        "stampboard.isolation.dataproxy-node-gbps=3",
                        "stampboard.isolation.storage-account-tb=50")
                .run(ctx -> {
                    StampSizing sizing = ctx.getBean(StampSizing.class);
                    // half the capacity per node: twice the nodes; 300 TB at 50 TB per account: 6
                    assertThat(figures(sizing.size(20_000, 40, 300))).containsExactly(240, 40, 6);
                    assertThat(figures(StampSizing.forPeaksOf(INPUT, Set.of("a", "b"), sizing.settings())))
                            .containsExactly(240, 40, 1);
                });
    }

    private static List<Integer> figures(Sizing s) {
        return List.of(s.registryNodes(), s.dataproxyNodes(), s.storageAccounts());
    }
}
