package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.ModuleTest;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.StoredPlans;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.support.TestNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.Scenario;

/**
 * The isolation module with the modules it depends on (planning, fleet, signals, …) and nothing else: no simulator,
 * no dashboard, no cutover. The cross-module event it reads is planning's {@code PlanFinished}, delivered through
 * Modulith's publication registry after the plan's transaction commits.
 */
@ModuleTest
class IsolationModuleTest {

    private static final TestNames NAMES = TestNames.of(IsolationModuleTest.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    PlanningService planning;

    @Autowired
    IsolationRequestRepository requests;

    @Test
    void a_migration_plan_rolled_back_is_recorded_on_its_request_which_stays_migrating(Scenario scenario) {
        String registry = NAMES.registry("orders");
        PlanId planId = StoredPlans.inProgress(
                context,
                NAMES.prefix() + "-plan-1",
                NAMES.region(),
                List.of(StoredPlans.move(registry, NAMES.region(), NAMES.stamp(1), NAMES.stamp(2))));
        IsolationRequest request = IsolationRequest.submit(
                NAMES.prefix() + "-request-1",
                NAMES.customer("contoso"),
                NAMES.region(),
                List.of(registry),
                1_000,
                1.0,
                2.0,
                "a noisy neighbour",
                LocalDate.of(2026, 12, 31),
                "alice",
                Instant.parse("2026-11-26T12:00:00Z"),
                new Sizing(4, 4, 1, "4 registry nodes, 4 dataproxy nodes, 1 storage account"));
        request.startReview("carol");
        request.approve("carol", NAMES.stamp(2));
        request.startProvisioning();
        request.markReady();
        request.startMigration(planId.value());
        requests.save(request);

        scenario.stimulate(() -> planning.finishExecution(planId, PlanStatus.ROLLED_BACK, Actor.SYSTEM, "rolled back"))
                .andWaitForEventOfType(IsolationMigrationEnded.class)
                .matching(e -> e.planId().equals(planId.value()))
                .toArriveAndVerify(e -> {
                    assertThat(e.requestId()).isEqualTo(NAMES.prefix() + "-request-1");
                    assertThat(e.status()).isEqualTo(PlanStatus.ROLLED_BACK);
                });
        assertThat(requests.findById(NAMES.prefix() + "-request-1")
                        .orElseThrow()
                        .state())
                .isEqualTo(IsolationState.MIGRATING);
    }
}
