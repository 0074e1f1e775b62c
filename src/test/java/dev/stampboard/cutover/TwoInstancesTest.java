package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.approvedPlan;
import static dev.stampboard.cutover.Executions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.stampboard.StampboardApplication;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.simulator.SimulatorService;

/**
 * Two whole console instances on one database, both trying to execute the same plan at the same
 * moments: exactly one executes each step; when it stops, the other takes over and finishes.
 */
class TwoInstancesTest {

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    /** Starting a context installs its holder strategy JVM-wide; the shared test context needs its own back. */
    private final SecurityContextHolderStrategy original = SecurityContextHolder.getContextHolderStrategy();

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(StampboardApplication.class)
                .profiles("test")
                // as arguments: they must win over application.yml, as an operator's would
                .run("--spring.datasource.url=jdbc:h2:mem:two-instances;DB_CLOSE_DELAY=-1", "--server.port=0",
                        "--stampboard.cutover.lease-seconds=5");
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        // closing a closed context does nothing
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        SecurityContextHolder.clearContext();
        SecurityContextHolder.setContextHolderStrategy(original);
    }

    /** Both instances advance their simulated clocks and run a pass at the same moment; who executed? */
    private List<Boolean> round(List<ConfigurableApplicationContext> instances, int minutes) throws Exception {
        instances.forEach(i -> i.getBean(SimulatorService.class).advance(minutes));
        List<CompletableFuture<Boolean>> passes = instances.stream()
                .map(i -> CompletableFuture.supplyAsync(() -> i.getBean(CutoverExecutor.class).runOnce(), threads))
                .toList();
        return passes.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void exactly_one_instance_executes_each_step_and_the_other_takes_over() throws Exception {
        a = instance();
        b = instance();
        assertThat(a.getBean(CutoverExecutor.class).executorId()).isNotEqualTo(b.getBean(CutoverExecutor.class).executorId());

        // each context installs its own (Vaadin-aware) holder strategy; act through instance A's
        SecurityContextHolder.setContextHolderStrategy(a.getBean(SecurityContextHolderStrategy.class));
        PlanningService planning = a.getBean(PlanningService.class);
        Set<String> registries = Set.of("openmindexp01.azurecr.io", "openmindexp03.azurecr.io", "openmindapi01.azurecr.io");
        PlanDetails plan = approvedPlan(planning, List.of("eus-s01"), registries, Map.of());
        as("alice");
        a.getBean(CutoverService.class).start(plan.id(), false);

        // first day: whichever instance took the lease first keeps it; the other's passes find it taken
        List<Boolean> executed = List.of();
        for (int hour = 0; hour < 25; hour++) {
            executed = round(List.of(a, b), 60);
            assertThat(executed).as("exactly one instance ran the pass in hour %d", hour).containsOnlyOnce(true);
        }
        ConfigurableApplicationContext holder = executed.get(0) ? a : b;
        ConfigurableApplicationContext other = holder == a ? b : a;
        String first = holder.getBean(CutoverExecutor.class).executorId();
        String second = other.getBean(CutoverExecutor.class).executorId();
        CutoverService view = other.getBean(CutoverService.class);
        assertThat(view.moves(plan.id())).extracting(MoveRunDetails::state)
                .containsExactly(MoveState.COMPLETED, MoveState.COMPLETED, MoveState.DRAINING);

        // the holder stops; the other instance takes the lease and finishes the plan
        holder.close();
        for (int hour = 0; hour < 26; hour++) {
            assertThat(round(List.of(other), 60)).containsExactly(true);
        }

        assertThat(view.run(plan.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        List<MoveStep> steps = view.steps(plan.id());
        assertThat(steps).extracting(s -> s.seq() + ":" + s.step()).doesNotHaveDuplicates().hasSize(12);
        assertThat(steps.stream().filter(s -> s.seq() < 2)).extracting(MoveStep::executor).containsOnly(first);
        assertThat(steps.stream().filter(s -> s.seq() == 2 && !s.step().equals("CUTOVER_STARTED")
                && !s.step().equals("CUT_OVER"))).extracting(MoveStep::executor).containsOnly(second);
        FleetService fleet = other.getBean(FleetService.class);
        for (String registry : registries) {
            List<HomeStampChange> changes = fleet.homeStampHistory(registry);
            assertThat(changes).as(registry + " moved exactly once").hasSize(2);
        }
    }
}
