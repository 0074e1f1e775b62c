package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.base.Actor;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RebalancePlanTest {

    private static final PlanMove MOVE =
            new PlanMove("a.azurecr.io", "eastus", "eus-s01", "eus-s05", 1, 1, 24, "why", "where", "");

    private static RebalancePlan.Computation computation(List<PlanMove> moves) {
        return new RebalancePlan.Computation(
                100,
                "defaults",
                "",
                moves,
                List.of(),
                List.of(new PlanPrediction("eus-s01", "DATAPROXY", 96.0, 39.0)),
                List.of(new PlanEvidence("eus-s01", "DATAPROXY", 96.0, "HOT")),
                List.of());
    }

    private static RebalancePlan draft() {
        return RebalancePlan.draft(
                "p1",
                "eastus",
                List.of("eus-s01"),
                Actor.user("alice"),
                Instant.EPOCH,
                computation(List.of(MOVE)),
                "test plan");
    }

    /** A plan brought into {@code status} by the legal path. */
    private static RebalancePlan in(PlanStatus status) {
        RebalancePlan plan = draft();
        switch (status) {
            case DRAFT -> {}
            case PENDING_APPROVAL -> plan.submit(Actor.user("alice"));
            case APPROVED -> {
                plan.submit(Actor.user("alice"));
                plan.approve(Actor.user("bob"), false);
            }
            case REJECTED -> {
                plan.submit(Actor.user("alice"));
                plan.reject(Actor.user("bob"), "wrong destination");
            }
            case EXPIRED -> {
                plan.submit(Actor.user("alice"));
                plan.expire(Actor.SYSTEM, "not approved in time");
            }
            case IN_PROGRESS, COMPLETED, ROLLED_BACK -> {
                plan.submit(Actor.user("alice"));
                plan.approve(Actor.user("bob"), false);
                plan.startExecution(Actor.SYSTEM);
                if (status != PlanStatus.IN_PROGRESS) {
                    plan.finishExecution(status, Actor.SYSTEM, "done");
                }
            }
        }
        assertThat(plan.status()).isEqualTo(status);
        return plan;
    }

    /** The plan's machine as DESIGN §4/§5 describe it, written out independently of {@link PlanStatus}. */
    private static final java.util.Map<PlanStatus, java.util.Set<PlanStatus>> EXPECTED = java.util.Map.of(
            PlanStatus.DRAFT, java.util.EnumSet.of(PlanStatus.PENDING_APPROVAL),
            PlanStatus.PENDING_APPROVAL,
                    java.util.EnumSet.of(PlanStatus.APPROVED, PlanStatus.REJECTED, PlanStatus.EXPIRED),
            PlanStatus.APPROVED, java.util.EnumSet.of(PlanStatus.IN_PROGRESS),
            PlanStatus.REJECTED, java.util.EnumSet.noneOf(PlanStatus.class),
            PlanStatus.EXPIRED, java.util.EnumSet.noneOf(PlanStatus.class),
            PlanStatus.IN_PROGRESS, java.util.EnumSet.of(PlanStatus.COMPLETED, PlanStatus.ROLLED_BACK),
            PlanStatus.COMPLETED, java.util.EnumSet.noneOf(PlanStatus.class),
            PlanStatus.ROLLED_BACK, java.util.EnumSet.noneOf(PlanStatus.class));

    @Test
    void every_pair_matches_the_table() {
        for (PlanStatus from : PlanStatus.values()) {
            for (PlanStatus to : PlanStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PlanStatus.class)
    void every_transition_is_allowed_only_from_its_state(PlanStatus from) {
        check(from, PlanStatus.DRAFT, p -> p.submit(Actor.user("alice")), PlanStatus.PENDING_APPROVAL);
        check(from, PlanStatus.PENDING_APPROVAL, p -> p.approve(Actor.user("bob"), false), PlanStatus.APPROVED);
        check(from, PlanStatus.PENDING_APPROVAL, p -> p.reject(Actor.user("bob"), "no"), PlanStatus.REJECTED);
        check(from, PlanStatus.PENDING_APPROVAL, p -> p.expire(Actor.SYSTEM, "late"), PlanStatus.EXPIRED);
        check(from, PlanStatus.APPROVED, p -> p.startExecution(Actor.SYSTEM), PlanStatus.IN_PROGRESS);
        check(
                from,
                PlanStatus.IN_PROGRESS,
                p -> p.finishExecution(PlanStatus.COMPLETED, Actor.SYSTEM, "done"),
                PlanStatus.COMPLETED);
        check(
                from,
                PlanStatus.IN_PROGRESS,
                p -> p.finishExecution(PlanStatus.ROLLED_BACK, Actor.SYSTEM, "done"),
                PlanStatus.ROLLED_BACK);
    }

    @Test
    void a_plan_finishes_only_completed_or_rolled_back() {
        RebalancePlan plan = in(PlanStatus.IN_PROGRESS);
        assertThatThrownBy(() -> plan.finishExecution(PlanStatus.APPROVED, Actor.SYSTEM, "done"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.status()).isEqualTo(PlanStatus.IN_PROGRESS);
    }

    private static void check(PlanStatus from, PlanStatus allowedFrom, Consumer<RebalancePlan> step, PlanStatus to) {
        RebalancePlan plan = in(from);
        if (from == allowedFrom) {
            step.accept(plan);
            assertThat(plan.status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> step.accept(plan))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from.name());
            assertThat(plan.status()).isEqualTo(from);
        }
    }

    @Test
    void the_submitter_cannot_approve_their_own_plan() {
        RebalancePlan plan = in(PlanStatus.PENDING_APPROVAL);
        assertThatThrownBy(() -> plan.approve(Actor.user("alice"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Four eyes");
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
    }

    @Test
    void whoever_created_or_changed_the_plan_cannot_approve_it() {
        RebalancePlan plan = draft();
        plan.submit(Actor.user("bob"));
        assertThatThrownBy(() -> plan.approve(Actor.user("alice"), false))
                .hasMessageContaining("alice created plan p1");
        assertThatThrownBy(() -> plan.approve(Actor.user("carl"), false, java.util.Set.of("alice", "carl")))
                .hasMessageContaining("carl changed plan p1");
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        plan.approve(Actor.user("dora"), false, java.util.Set.of("alice", "bob", "carl"));
        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void a_stale_plan_cannot_be_approved_until_refreshed() {
        RebalancePlan plan = in(PlanStatus.PENDING_APPROVAL);
        assertThatThrownBy(() -> plan.approve(Actor.user("bob"), true))
                .hasMessageContaining("stale")
                .hasMessageContaining("Refresh");
        plan.refresh(Actor.user("alice"), computation(List.of(MOVE)));
        plan.approve(Actor.user("bob"), false);
        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.events())
                .last()
                .isEqualTo(new PlanStatusChanged(
                        PlanId.of("p1"), Actor.user("bob"), PlanStatus.PENDING_APPROVAL, PlanStatus.APPROVED, null));
    }

    @Test
    void a_rejection_needs_a_reason() {
        RebalancePlan plan = in(PlanStatus.PENDING_APPROVAL);
        assertThatThrownBy(() -> plan.reject(Actor.user("bob"), "  "))
                .isInstanceOf(dev.stampboard.base.InvalidInputException.class);
        plan.reject(Actor.user("bob"), "  eus-s05 is about to be drained  ");
        assertThat(plan.toView(false).decisionReason()).isEqualTo("eus-s05 is about to be drained");
    }

    @Test
    void an_empty_plan_cannot_be_submitted() {
        RebalancePlan plan = RebalancePlan.draft(
                "p2", "eastus", List.of(), Actor.user("alice"), Instant.EPOCH, computation(List.of()), "test plan");
        assertThatThrownBy(() -> plan.submit(Actor.user("alice"))).hasMessageContaining("nothing to approve");
    }

    @Test
    void only_open_plans_are_refreshed() {
        RebalancePlan plan = in(PlanStatus.APPROVED);
        assertThatThrownBy(() -> plan.refresh(Actor.user("alice"), computation(List.of(MOVE))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void every_step_registers_its_event_for_the_audit_log() {
        RebalancePlan plan = in(PlanStatus.REJECTED);
        assertThat(plan.events())
                .containsExactly(
                        new PlanProposed(PlanId.of("p1"), Actor.user("alice"), "test plan"),
                        new PlanStatusChanged(
                                PlanId.of("p1"),
                                Actor.user("alice"),
                                PlanStatus.DRAFT,
                                PlanStatus.PENDING_APPROVAL,
                                null),
                        new PlanStatusChanged(
                                PlanId.of("p1"),
                                Actor.user("bob"),
                                PlanStatus.PENDING_APPROVAL,
                                PlanStatus.REJECTED,
                                "wrong destination"));
        assertThat(((PlanStatusChanged) plan.events().get(2)).action()).isEqualTo("PLAN_REJECTED");
        assertThat(((PlanStatusChanged) plan.events().get(2)).auditDetail())
                .isEqualTo("PENDING_APPROVAL -> REJECTED: wrong destination");
    }
}
