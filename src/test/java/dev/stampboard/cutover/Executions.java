package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampProvisioning;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.planning.PlanComputation;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.simulator.SimulatorService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers: plans approved by four eyes, and simulated time passing with executor passes in between. */
final class Executions {

    private Executions() {}

    static void as(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_ENGINEER"),
                                new SimpleGrantedAuthority("ROLE_VIEWER"))));
    }

    /** alice proposes exactly these registries (destinations as given, or the planner's), bob approves. */
    static PlanDetails approvedPlan(
            PlanningService planning, List<String> sources, Set<String> registries, Map<String, String> destinations) {
        as("alice");
        PlanDetails plan =
                planning.proposeAndSubmit("eastus", sources, null, new PlanChoices(registries, destinations));
        as("bob");
        return planning.approve(plan.planId());
    }

    /** Advances simulated time in steps, running an executor pass after each. */
    static void run(SimulatorService simulator, CutoverExecutor executor, int minutes, int step) {
        executor.runOnce();
        for (int done = 0; done < minutes; done += step) {
            simulator.advance(Math.min(step, minutes - done), Actor.SYSTEM);
            executor.runOnce();
        }
    }

    /**
     * Another console instance as the database sees it: an executor over the context's beans with a
     * lease owner of its own (a second application context would add nothing the lease can tell apart).
     */
    static CutoverExecutor instance(ApplicationContext context, ExecutorLease lease) {
        return new CutoverExecutor(
                context.getBean(ExecutionStore.class),
                context.getBean(PlanningService.class),
                context.getBean(FleetService.class),
                context.getBean(PlanComputation.class),
                context.getBean(DedicatedStampProvisioning.class),
                context.getBean(EvidenceCollector.class),
                context,
                context.getBean(java.time.Clock.class),
                context.getBean(CutoverProperties.class),
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                lease,
                context.getBeanProvider(SourceInFlight.class),
                context.getBean(ValidationWatch.class),
                context.getBeanProvider(dev.stampboard.signals.EngineFollow.class));
    }
}
