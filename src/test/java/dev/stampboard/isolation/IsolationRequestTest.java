package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The request's state machine: every (from, to) pair against DESIGN §6's table, and who may decide. */
class IsolationRequestTest {

    /** DESIGN §6 written out independently of the production table. */
    private static final Map<IsolationState, Set<IsolationState>> EXPECTED = Map.of(
            IsolationState.SUBMITTED, EnumSet.of(IsolationState.IN_REVIEW),
            IsolationState.IN_REVIEW,
                    EnumSet.of(IsolationState.NEEDS_INFO, IsolationState.APPROVED, IsolationState.REJECTED),
            IsolationState.NEEDS_INFO, EnumSet.of(IsolationState.IN_REVIEW),
            IsolationState.APPROVED, EnumSet.of(IsolationState.PROVISIONING),
            IsolationState.REJECTED, EnumSet.noneOf(IsolationState.class),
            IsolationState.PROVISIONING, EnumSet.of(IsolationState.READY),
            IsolationState.READY, EnumSet.of(IsolationState.MIGRATING, IsolationState.DONE),
            IsolationState.MIGRATING, EnumSet.of(IsolationState.DONE),
            IsolationState.DONE, EnumSet.noneOf(IsolationState.class));

    /** The one transition method that leads to each state (IN_REVIEW: the answer from NEEDS_INFO, the review start otherwise). */
    private static Map<IsolationState, Consumer<IsolationRequest>> steps(IsolationState from) {
        return Map.of(
                IsolationState.IN_REVIEW,
                from == IsolationState.NEEDS_INFO
                        ? r -> r.answer("30 TB more next month")
                        : r -> r.startReview(Actor.user("carol")),
                IsolationState.NEEDS_INFO,
                r -> r.askForInformation(Actor.user("carol"), "What is the growth rate?"),
                IsolationState.APPROVED,
                r -> r.approve(Actor.user("carol"), "ded-openmind-ai-abcdef"),
                IsolationState.REJECTED,
                r -> r.reject(Actor.user("carol"), "shared capacity suffices"),
                IsolationState.PROVISIONING,
                IsolationRequest::startProvisioning,
                IsolationState.READY,
                IsolationRequest::markReady,
                IsolationState.MIGRATING,
                r -> r.startMigration(PlanId.of("plan-1")),
                IsolationState.DONE,
                IsolationRequest::complete);
    }

    static IsolationRequest in(IsolationState state, String requestedBy) {
        return new IsolationRequest(
                "0123456789abcdef",
                "openmind-ai",
                "eastus",
                "a.azurecr.io,b.azurecr.io",
                20000,
                40,
                300,
                "training fleet doubles in December",
                LocalDate.parse("2026-12-15"),
                requestedBy,
                Instant.parse("2026-11-26T12:00:00Z"),
                state,
                120,
                20,
                3,
                "…",
                null,
                null,
                null,
                null,
                "ded-openmind-ai-012345",
                null,
                0);
    }

    @Test
    void the_table_matches_design() {
        for (IsolationState from : IsolationState.values()) {
            for (IsolationState to : IsolationState.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IsolationState.class)
    void the_aggregate_obeys_the_table_from(IsolationState from) {
        for (IsolationState to : IsolationState.values()) {
            if (to == IsolationState.SUBMITTED) {
                continue; // only filing creates a SUBMITTED request; there is no transition into it
            }
            IsolationRequest request = in(from, "frank");
            if (EXPECTED.get(from).contains(to)) {
                steps(from).get(to).accept(request);
                assertThat(request.state()).as("%s -> %s", from, to).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> steps(from).get(to).accept(request))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("while it is " + from);
                assertThat(request.state()).isEqualTo(from);
            }
        }
    }

    @Test
    void nobody_decides_on_a_request_they_filed() {
        IsolationRequest own = in(IsolationState.IN_REVIEW, "carol");
        assertThatThrownBy(() -> own.approve(Actor.user("carol"), "ded-x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("filed request 01234567 yourself");
        assertThatThrownBy(() -> own.reject(Actor.user("carol"), "no")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> own.askForInformation(Actor.user("carol"), "?"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> in(IsolationState.SUBMITTED, "carol").startReview(Actor.user("carol")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(own.state()).isEqualTo(IsolationState.IN_REVIEW);

        own.approve(Actor.user("erin"), "ded-x");
        assertThat(own.toView().decidedBy()).isEqualTo("erin");
        assertThat(own.toView().dedicatedStamp()).isEqualTo("ded-x");
    }

    @Test
    void whoever_answered_for_the_customer_cannot_approve() {
        IsolationRequest r = in(IsolationState.IN_REVIEW, "frank");
        assertThatThrownBy(() -> r.approve(Actor.user("carol"), "ded-x", java.util.Set.of("carol")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("on the customer's behalf");
        assertThat(r.state()).isEqualTo(IsolationState.IN_REVIEW);
        r.approve(Actor.user("erin"), "ded-x", java.util.Set.of("carol"));
        assertThat(r.state()).isEqualTo(IsolationState.APPROVED);
    }

    @Test
    void a_refusal_says_where_the_request_can_go() {
        assertThatThrownBy(() -> in(IsolationState.SUBMITTED, "frank").approve(Actor.user("carol"), "ded-x"))
                .hasMessage(
                        "Cannot approve request 01234567 while it is SUBMITTED; from SUBMITTED it can only go to IN_REVIEW");
        assertThatThrownBy(() -> in(IsolationState.REJECTED, "frank").startReview(Actor.user("carol")))
                .hasMessageContaining("(final)");
    }

    @Test
    void asking_again_replaces_the_question_and_clears_the_old_answer() {
        IsolationRequest r = in(IsolationState.IN_REVIEW, "frank");
        r.askForInformation(Actor.user("carol"), "How much data?");
        r.answer("300 TB");
        r.askForInformation(Actor.user("carol"), "Growth per month?");
        assertThat(r.toView().question()).isEqualTo("Growth per month?");
        assertThat(r.toView().answer()).isNull();
    }
}
