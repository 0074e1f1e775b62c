package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.approvedPlan;
import static dev.stampboard.cutover.Executions.as;
import static dev.stampboard.cutover.Executions.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanView;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.SimulatorService;

/**
 * The executor's rules on the seed fleet. Its own database: these tests really move registries, which
 * the shared context's tests must not see.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cutover-rules;DB_CLOSE_DELAY=-1")
@DirtiesContext
class CutoverExecutorTest {

    @Autowired
    PlanningService planning;
    @Autowired
    CutoverService cutover;
    @Autowired
    CutoverExecutor executor;
    @Autowired
    SimulatorService simulator;
    @Autowired
    FleetService fleet;
    @Autowired
    SignalsService signals;
    @Autowired
    Routing routing;

    @AfterEach
    void restore() {
        signals.changeThresholds(45, 40, "test");
        SecurityContextHolder.clearContext();
    }

    private String home(String registry) {
        return fleet.registry(registry).orElseThrow().homeStamp("eastus").orElseThrow();
    }

    @Test
    void batches_run_in_order_and_a_batch_starts_only_after_the_previous_one_passed() {
        PlanView plan = approvedPlan(planning, List.of("eus-s01"),
                Set.of("openmindexp01.azurecr.io", "openmindapi01.azurecr.io"), Map.of());
        assertThat(plan.moves()).extracting(PlanMove::phase).containsExactly(1, 2);
        as("alice");
        cutover.start(plan.id(), false);
        executor.runOnce();

        List<MoveRunView> moves = cutover.moves(plan.id());
        assertThat(moves.get(0).state()).isEqualTo(MoveState.DRAINING);
        assertThat(moves.get(1).state()).as("gated behind phase 1").isEqualTo(MoveState.APPROVED);
        assertThat(home("openmindexp01.azurecr.io")).isEqualTo(plan.moves().get(0).toStamp());
        assertThat(routing.current("openmindexp01.azurecr.io", "eastus")).contains(plan.moves().get(0).toStamp());

        run(simulator, executor, 1, 1);
        assertThat(cutover.moves(plan.id()).get(0).state()).isEqualTo(MoveState.VALIDATING);
        run(simulator, executor, 24 * 60 - 2, 60);
        assertThat(cutover.moves(plan.id()).get(0).state()).as("one minute before the window ends").isEqualTo(MoveState.VALIDATING);
        assertThat(cutover.moves(plan.id()).get(1).state()).isEqualTo(MoveState.APPROVED);

        run(simulator, executor, 1, 1); // the window ends 24 h after the cutover, to the minute
        MoveRunView first = cutover.moves(plan.id()).get(0);
        assertThat(first.verdict()).as(first.evidence()).isEqualTo(Verdict.PASS);
        assertThat(first.state()).isEqualTo(MoveState.COMPLETED);
        assertThat(cutover.moves(plan.id()).get(1).state()).isEqualTo(MoveState.DRAINING);

        run(simulator, executor, 24 * 60 + 1, 60);
        assertThat(cutover.run(plan.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(planning.get(plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(planning.get(plan.id()).moves()).extracting(PlanMove::state).containsOnly("COMPLETED");
        System.out.println(first.evidence());
    }
}
