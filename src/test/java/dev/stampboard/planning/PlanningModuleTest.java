package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.ModuleTest;
import dev.stampboard.base.Actor;
import dev.stampboard.support.TestNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.Scenario;

/**
 * The planning module with the modules it depends on (fleet, signals, calibration, …) and nothing else: no cutover
 * (so no execution states: a move reads as the plan's status says), no isolation, no simulator. What it announces to
 * other modules is {@link PlanFinished} (isolation follows it).
 */
@ModuleTest
class PlanningModuleTest {

    private static final TestNames NAMES = TestNames.of(PlanningModuleTest.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    PlanningService planning;

    @Test
    void an_execution_finished_completes_the_plan_and_announces_it(Scenario scenario) {
        PlanId id = StoredPlans.inProgress(
                context,
                NAMES.prefix() + "-plan-1",
                NAMES.region(),
                List.of(StoredPlans.move(NAMES.registry("orders"), NAMES.region(), NAMES.stamp(1), NAMES.stamp(2))));

        scenario.stimulate(
                        () -> planning.finishExecution(id, PlanStatus.COMPLETED, Actor.SYSTEM, "every move validated"))
                .andWaitForEventOfType(PlanFinished.class)
                .matching(e -> e.planId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.status()).isEqualTo(PlanStatus.COMPLETED));

        PlanDetails plan = planning.get(id);
        assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETED);
        // without the cutover module nobody reports execution states: every move reads as approved
        assertThat(planning.moveStates(plan)).containsExactly("APPROVED");
    }
}
