package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Test fixture for module tests: a plan stored as the planner stores one, brought through its own guarded transitions
 * (four eyes: alice proposes and submits, bob approves), without computing it from signals, so a module test needs no
 * simulated fleet. Its moves are given by the test.
 */
public final class StoredPlans {

    private StoredPlans() {}

    /** An APPROVED plan of the given moves in {@code region}. */
    public static PlanId approved(ApplicationContext context, String id, String region, List<PlanMove> moves) {
        RebalancePlan plan = RebalancePlan.draft(
                id,
                region,
                moves.stream().map(PlanMove::fromStamp).distinct().toList(),
                Actor.user("alice"),
                Instant.parse("2026-11-26T12:00:00Z"),
                new RebalancePlan.Computation(0, "", "", moves, List.of(), List.of(), List.of(), List.of()),
                "a stored test plan");
        plan.submit(Actor.user("alice"));
        plan.approve(Actor.user("bob"), false);
        context.getBean(PlanRepository.class).save(plan);
        return PlanId.of(id);
    }

    /** A plan whose execution has started (IN_PROGRESS), as the cutover engine leaves it. */
    public static PlanId inProgress(ApplicationContext context, String id, String region, List<PlanMove> moves) {
        approved(context, id, region, moves);
        PlanRepository plans = context.getBean(PlanRepository.class);
        RebalancePlan plan = plans.findById(id).orElseThrow();
        plan.startExecution(Actor.SYSTEM);
        plans.save(plan);
        return PlanId.of(id);
    }

    /** One phase-1 move of {@code registry} from {@code from} to {@code to}, observed 24 h. */
    public static PlanMove move(String registry, String region, String from, String to) {
        return new PlanMove(registry, region, from, to, 1, 1, 24, "test move", "test destination", "");
    }
}
