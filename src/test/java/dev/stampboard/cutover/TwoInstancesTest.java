package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.approvedPlan;
import static dev.stampboard.cutover.Executions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.ScenarioTest;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.simulator.SimulatorService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two console instances on one database, both trying to execute the same plan at the same moments:
 * exactly one executes each step; when it stops, the other takes over and finishes. An instance is
 * what the database can tell apart — an executor with a lease owner of its own — so both are built
 * over the shared test context's beans instead of starting two more application contexts.
 */
@ScenarioTest
@org.junit.jupiter.api.Order(3)
class TwoInstancesTest extends SpringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PlanningService planning;

    @Autowired
    CutoverService cutover;

    @Autowired
    CutoverExecutor contextExecutor;

    @Autowired
    FleetService fleet;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorService simulator;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private CutoverExecutor a;
    private CutoverExecutor b;

    private CutoverExecutor instance(String owner) {
        // a lease longer than any pause between rounds on a loaded machine: only a stop hands it over
        ExecutorLease lease = new ExecutorLease(jdbc, "cutover", owner, Duration.ofMinutes(2));
        return Executions.instance(context, lease);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        a.releaseLease();
        b.releaseLease();
        SecurityContextHolder.clearContext();
    }

    /** The simulated clock moves, then both instances run a pass at the same moment; who executed? */
    private List<Boolean> round(List<CutoverExecutor> instances, int minutes) {
        simulator.advance(minutes, Actor.SYSTEM);
        List<CompletableFuture<Boolean>> passes = instances.stream()
                .map(i -> CompletableFuture.supplyAsync(i::runOnce, threads))
                .toList();
        return passes.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void exactly_one_instance_executes_each_step_and_the_other_takes_over() {
        contextExecutor.releaseLease(); // earlier scenario tests ran passes through the context's own executor
        a = instance("instance-a");
        b = instance("instance-b");

        // two low registries (one batch) and a medium one (the next phase), none moved by an earlier scenario
        Set<String> registries =
                Set.of("openmindexp19.azurecr.io", "openmindexp21.azurecr.io", "openmindapi07.azurecr.io");
        Map<String, Integer> changesBefore = new HashMap<>();
        registries.forEach(r -> changesBefore.put(r, fleet.homeStampHistory(r).size()));
        PlanDetails plan = approvedPlan(planning, List.of("eus-s01"), registries, Map.of());
        as("alice");
        cutover.start(plan.planId(), false);

        // first day: whichever instance took the lease first keeps it; the other's passes find it taken
        List<Boolean> executed = List.of();
        for (int hour = 0; hour < 25; hour++) {
            executed = round(List.of(a, b), 60);
            assertThat(executed)
                    .as("exactly one instance ran the pass in hour %d", hour)
                    .containsOnlyOnce(true);
        }
        CutoverExecutor holder = executed.get(0) ? a : b;
        CutoverExecutor other = holder == a ? b : a;
        String first = holder.executorId();
        String second = other.executorId();
        assertThat(cutover.moves(plan.planId()))
                .extracting(MoveRunDetails::state)
                .containsExactly(MoveState.COMPLETED, MoveState.COMPLETED, MoveState.DRAINING);

        // the holder stops (a clean shutdown gives the lease up); the other instance takes over and finishes
        holder.releaseLease();
        for (int hour = 0; hour < 26; hour++) {
            assertThat(round(List.of(other), 60)).containsExactly(true);
        }

        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        List<MoveStep> steps = cutover.steps(plan.planId());
        assertThat(steps)
                .extracting(s -> s.seq() + ":" + s.step())
                .doesNotHaveDuplicates()
                .hasSize(12);
        assertThat(steps.stream().filter(s -> s.seq() < 2))
                .extracting(MoveStep::executor)
                .containsOnly(first);
        assertThat(steps.stream()
                        .filter(s -> s.seq() == 2
                                && !s.step().equals("CUTOVER_STARTED")
                                && !s.step().equals("CUT_OVER")))
                .extracting(MoveStep::executor)
                .containsOnly(second);
        for (String registry : registries) {
            assertThat(fleet.homeStampHistory(registry))
                    .as(registry + " moved exactly once")
                    .hasSize(changesBefore.get(registry) + 1);
        }
    }
}
