package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the executor does when a stamp of an approved plan stops taking replicas: a destination that drained pauses the
 * plan with the reason (before its batch starts, or found by the fleet's guard at the cutover itself), nothing moves;
 * a rollback still goes back onto a DRAINING source. The stamps and registries are this class's own.
 */
class ClosedStampMovesTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(ClosedStampMovesTest.class);

    @Autowired
    FleetService fleet;

    @Autowired
    IsolationMigrationPlans plans;

    @Autowired
    PlanningService planning;

    @Autowired
    CutoverService cutover;

    @Autowired
    CutoverExecutor executor;

    @AfterEach
    void noHook() {
        executor.setHook(StepHook.NONE);
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_destination_that_drained_before_its_batch_pauses_the_plan_and_nothing_moves() {
        Fleet f = fleet(1);
        PlanId plan = started(f);
        fleet.startDrainingStamp(f.destination, "capacity moves", Actor.SYSTEM);

        executor.runOnce();

        PlanRunDetails run = cutover.run(plan).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(run.reason()).contains("Destination " + f.destination + " of " + f.registry + " is DRAINING");
        assertThat(cutover.moves(plan).get(0).state()).isEqualTo(MoveState.APPROVED);
        assertThat(home(f.registry)).isEqualTo(f.source);
        assertThatThrownBy(() -> plans.proposeOnto(NAMES.region(), List.of(f.registry), f.destination, "again"))
                .as("no new plan onto it either")
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining(f.destination + " is DRAINING");
        rollBack(plan, f);
    }

    @Test
    void a_destination_that_drains_at_the_cutover_fails_the_move_and_pauses_the_plan() {
        Fleet f = fleet(2);
        PlanId plan = started(f);
        // after the batch found the destination ACTIVE and stored the cutover's intent, before the replica moves
        executor.setHook((point, move) -> {
            if (point == StepHook.Point.BEFORE_CUTOVER) {
                fleet.startDrainingStamp(f.destination, "capacity moves", Actor.SYSTEM);
            }
        });

        executor.runOnce();

        MoveRunDetails move = cutover.moves(plan).get(0);
        assertThat(move.state()).isEqualTo(MoveState.FAILED);
        PlanRunDetails run = cutover.run(plan).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(run.reason())
                .contains("Destination " + f.destination + " of " + f.registry + " is DRAINING")
                .contains("stays on " + f.source);
        assertThat(home(f.registry)).isEqualTo(f.source);
        assertThat(cutover.steps(plan))
                .extracting(MoveStep::step)
                .containsExactly("CUTOVER_STARTED", "CUTOVER_REFUSED");
        rollBack(plan, f);
    }

    @Test
    void a_rollback_goes_back_onto_a_draining_source_which_is_not_retired_meanwhile() {
        Fleet f = fleet(3);
        PlanId plan = started(f);
        executor.runOnce();
        assertThat(home(f.registry)).isEqualTo(f.destination);
        fleet.startDrainingStamp(f.source, "capacity moves", Actor.SYSTEM);
        assertThatThrownBy(() -> fleet.retireStamp(f.source, "done", Actor.SYSTEM))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("plan " + plan.value());

        rollBack(plan, f);
        assertThat(fleet.freshStamp(f.source).orElseThrow().status()).isEqualTo(StampStatus.DRAINING);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Fleet(String source, String destination, String registry) {}

    /** A source and a destination stamp of the class's region, and one registry on the source. */
    private Fleet fleet(int n) {
        Fleet f = new Fleet(NAMES.stamp(2 * n), NAMES.stamp(2 * n + 1), NAMES.registry("r" + n));
        fleet.declareStamp(f.source, TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareStamp(f.destination, TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareRegistry(
                f.registry,
                new RegistryDeclaration(
                        NAMES.customer("co"),
                        List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), f.source))),
                Actor.SYSTEM);
        return f;
    }

    /** A plan that moves the registry onto the destination, approved by bob and started by alice. */
    private PlanId started(Fleet f) {
        PlanId plan = plans.proposeOnto(NAMES.region(), List.of(f.registry), f.destination, "test")
                .planId();
        as("bob");
        planning.approve(plan);
        as("alice");
        cutover.start(plan, false);
        return plan;
    }

    private void rollBack(PlanId plan, Fleet f) {
        as("alice");
        cutover.rollback(plan, "the destination is closed");
        executor.runOnce();
        assertThat(cutover.run(plan).orElseThrow().status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(planning.get(plan).status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(home(f.registry)).isEqualTo(f.source);
    }

    private String home(String registry) {
        return fleet.registry(registry).orElseThrow().homeStamp(NAMES.region()).orElseThrow();
    }
}
