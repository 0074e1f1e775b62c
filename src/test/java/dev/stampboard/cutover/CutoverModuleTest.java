package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.ModuleTest;
import dev.stampboard.fleet.HomeStampChanged;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.StoredPlans;
import dev.stampboard.support.TestNames;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The cutover module with the modules it depends on (planning, fleet, signals, …) and nothing else: no simulator, no
 * isolation, no dashboard. Across the seams: starting a run moves planning's plan to IN_PROGRESS and announces
 * {@link ExecutionStarted}; fleet's {@link HomeStampChanged} points the routing entry.
 */
@ModuleTest
class CutoverModuleTest {

    private static final TestNames NAMES = TestNames.of(CutoverModuleTest.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    CutoverService cutover;

    @Autowired
    PlanningService planning;

    @Autowired
    Routing routing;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
        Executions.as("carol");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void starting_an_approved_plan_takes_it_over_from_planning(Scenario scenario) {
        PlanId id = StoredPlans.approved(
                context,
                NAMES.prefix() + "-plan-1",
                NAMES.region(),
                List.of(
                        StoredPlans.move(NAMES.registry("orders"), NAMES.region(), NAMES.stamp(1), NAMES.stamp(2)),
                        StoredPlans.move(NAMES.registry("billing"), NAMES.region(), NAMES.stamp(1), NAMES.stamp(3))));

        scenario.stimulate(() -> cutover.start(id, false))
                .andWaitForEventOfType(ExecutionStarted.class)
                .matching(e -> e.planId().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.moves()).isEqualTo(2);
                    assertThat(e.actor().name()).isEqualTo("carol");
                });

        assertThat(planning.get(id).status()).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(cutover.moves(id)).extracting(MoveRunDetails::state).containsOnly(MoveState.APPROVED);
    }

    @Test
    void a_home_stamp_changed_in_the_fleet_points_the_routing_entry(Scenario scenario) {
        String registry = NAMES.registry("catalog");
        scenario.publish(new HomeStampChanged(registry, NAMES.region(), NAMES.stamp(1), NAMES.stamp(2)))
                .andWaitForStateChange(() -> routing.current(registry, NAMES.region()), found -> found.isPresent())
                .andVerify(found -> assertThat(found).contains(NAMES.stamp(2)));
    }
}
