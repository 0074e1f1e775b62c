package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.approvedPlan;
import static dev.stampboard.cutover.Executions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.ScenarioTest;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.simulator.SimulatorService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Kills the executor at every point where it acts on the outside world (after its intent is stored,
 * before or after the action) and restarts it as a new instance: the move resumes or rolls back, no
 * replica is left half-moved, and no step happens twice.
 */
@ScenarioTest
@org.junit.jupiter.api.Order(2)
class ExecutorRestartTest extends SpringTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    PlanningService planning;

    @Autowired
    CutoverService cutover;

    @Autowired
    FleetService fleet;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorService simulator;

    @Autowired
    Routing routing;

    /** What a JVM killed at that instant looks like from the database: nothing after it happens. */
    static final class Killed extends Error {
        Killed(StepHook.Point at) {
            super("killed at " + at, null, false, false);
        }
    }

    @Autowired
    CutoverExecutor contextExecutor;

    @org.junit.jupiter.api.BeforeEach
    void noOtherHolder() {
        contextExecutor.releaseLease(); // earlier scenario tests ran passes through the context's own executor
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    /** A fresh instance: its own lease owner; a dead instance's lease expires at once (ttl 0). */
    private CutoverExecutor instance(Duration leaseTtl) {
        ExecutorLease lease = new ExecutorLease(jdbc, "cutover", "instance-" + UUID.randomUUID(), leaseTtl);
        return Executions.instance(context, lease);
    }

    private void runUntilFinished(CutoverExecutor executor, String planId) {
        for (int i = 0;
                i < 60 && !cutover.run(PlanId.of(planId)).orElseThrow().status().isFinished();
                i++) {
            executor.runOnce();
            simulator.advance(60, Actor.SYSTEM);
        }
        executor.runOnce();
        executor.releaseLease(); // a clean shutdown, so the next test's instance need not wait
    }

    private String home(String registry) {
        return fleet.registry(registry).orElseThrow().homeStamp("eastus").orElseThrow();
    }

    @ParameterizedTest(name = "killed {0}")
    @CsvSource({
        "BEFORE_CUTOVER, openmindexp13.azurecr.io, false",
        "AFTER_CUTOVER, openmindexp15.azurecr.io, false",
        "BEFORE_VERDICT, openmindexp17.azurecr.io, false",
        "BEFORE_ROLLBACK, openmindexp19.azurecr.io, true",
        "AFTER_ROLLBACK, openmindexp21.azurecr.io, true"
    })
    void a_restarted_executor_finishes_what_the_killed_one_started(
            StepHook.Point point, String registry, boolean rollBack) {
        PlanDetails plan = approvedPlan(planning, List.of("eus-s01"), Set.of(registry), Map.of());
        String destination = plan.moves().get(0).toStamp();
        as("alice");
        cutover.start(plan.planId(), false);

        CutoverExecutor dying = instance(Duration.ZERO);
        dying.setHook((at, move) -> {
            if (at == point) {
                throw new Killed(at);
            }
        });
        if (rollBack) {
            dying.runOnce();
            simulator.advance(1, Actor.SYSTEM);
            dying.runOnce();
            assertThat(cutover.moves(plan.planId()).get(0).state()).isEqualTo(MoveState.VALIDATING);
            as("alice");
            cutover.rollback(plan.planId(), "testing a crash mid-rollback");
        }
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 40; i++) {
                        dying.runOnce();
                        simulator.advance(60, Actor.SYSTEM);
                    }
                })
                .isInstanceOf(Killed.class);

        runUntilFinished(instance(Duration.ofSeconds(30)), plan.id());

        String expectedHome = rollBack ? "eus-s01" : destination;
        assertThat(cutover.run(plan.planId()).orElseThrow().status())
                .isEqualTo(rollBack ? RunStatus.ROLLED_BACK : RunStatus.COMPLETED);
        assertThat(home(registry)).isEqualTo(expectedHome);
        assertThat(routing.current(registry, "eastus")).contains(expectedHome);
        List<String> changes = fleet.homeStampHistory(registry).stream()
                .skip(1)
                .map(HomeStampChange::toStamp)
                .toList();
        assertThat(changes)
                .as("each home-stamp change exactly once")
                .containsExactlyElementsOf(rollBack ? List.of(destination, "eus-s01") : List.of(destination));
        List<String> steps =
                cutover.steps(plan.planId()).stream().map(MoveStep::step).toList();
        assertThat(steps)
                .containsExactlyElementsOf(
                        rollBack
                                ? List.of("CUTOVER_STARTED", "CUT_OVER", "VALIDATION_STARTED", "ROLLED_BACK")
                                : List.of("CUTOVER_STARTED", "CUT_OVER", "VALIDATION_STARTED", "VERDICT"));
    }

    @ParameterizedTest(name = "killed {0} on the way to a dedicated stamp")
    @CsvSource({"BEFORE_PROVISION", "BEFORE_CUTOVER"})
    void a_dedicated_stamp_is_provisioned_once_even_when_the_executor_dies_around_it(StepHook.Point point) {
        String registry = point == StepHook.Point.BEFORE_PROVISION ? "wingtipweb.azurecr.io" : "woodgrove.azurecr.io";
        String customer = fleet.registry(registry).orElseThrow().customer();
        String source =
                fleet.registry(registry).orElseThrow().homeStamp("eastus").orElseThrow();
        PlanDetails plan =
                approvedPlan(planning, List.of(source), Set.of(registry), Map.of(registry, PlanChoices.DEDICATED));
        String dedicated = "ded-" + customer + "-eastus";
        assertThat(plan.moves()).extracting(m -> m.toStamp()).containsExactly(dedicated);
        as("alice");
        cutover.start(plan.planId(), false);

        CutoverExecutor dying = instance(Duration.ZERO);
        dying.setHook((at, move) -> {
            if (at == point) {
                throw new Killed(at);
            }
        });
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 10; i++) {
                        dying.runOnce();
                        simulator.advance(10, Actor.SYSTEM);
                    }
                })
                .isInstanceOf(Killed.class);

        runUntilFinished(instance(Duration.ofSeconds(30)), plan.id());

        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(home(registry)).isEqualTo(dedicated);
        assertThat(fleet.stamp(dedicated).orElseThrow().kind()).isEqualTo(dev.stampboard.fleet.StampKind.DEDICATED);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'STAMP_DECLARED' and subject = ?")
                        .param(dedicated)
                        .query(Integer.class)
                        .single())
                .as("declared once")
                .isEqualTo(1);
    }
}
