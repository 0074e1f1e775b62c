package dev.stampboard.isolation;

import static dev.stampboard.isolation.Requests.BIG_TWO;
import static dev.stampboard.isolation.Requests.CUSTOMER;
import static dev.stampboard.isolation.Requests.WANTED_BY;
import static dev.stampboard.isolation.Requests.WHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.SpringTest;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Intake, role rules and the review workflow through the service (the API and the views call the same methods). */
class IsolationWorkflowTest extends SpringTest {

    @Autowired
    IsolationIntake intake;

    @Autowired
    IsolationReview review;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditLog audit;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    private void as(String user) {
        Requests.as(users, user);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void requests_and_plans_size_dedicated_stamps_from_the_same_configured_figures() {
        // application.yml's stampboard.isolation.*: 500 QPS and 6 Gbit/s per node, 100 TB per account, 40 %, +20 %
        var configured = new dev.stampboard.planning.engine.SizingSettings(500, 6, 100, 0.40, 0.2);
        assertThat(intake.sizingSettings()).isEqualTo(configured);
        assertThat(computation.defaultSettings().sizing()).isEqualTo(configured);
    }

    @Test
    void support_files_for_a_customer_and_the_request_is_sized_audited_and_recorded() {
        as("carol");
        IsolationRequestDetails r = intake.file(Requests.valid());
        assertThat(r.state()).isEqualTo(IsolationState.SUBMITTED);
        assertThat(r.customer()).isEqualTo(CUSTOMER);
        assertThat(r.region()).isEqualTo("eastus");
        assertThat(r.registries()).containsExactlyElementsOf(BIG_TWO);
        assertThat(r.requestedBy()).isEqualTo("carol");
        assertThat(r.sizing().registryNodes()).isEqualTo(120);
        assertThat(r.sizing().dataproxyNodes()).isEqualTo(20);
        assertThat(r.sizing().storageAccounts()).isEqualTo(3);
        assertThat(r.sizing().arithmetic()).contains("20000 QPS ÷ (500 QPS/node × 40 %) × 1.20) = 120");
        assertThat(review.history(r.id()))
                .extracting(IsolationStateChange::to)
                .containsExactly(IsolationState.SUBMITTED);
        assertThat(audit.search("carol", "ISOLATION_REQUESTED", r.id(), null, 5))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("120 registry / 20 dataproxy nodes"));
    }

    @Test
    void a_customer_files_for_its_own_customer_by_default_and_only_its_own_registries() {
        as("frank");
        IsolationRequestDetails own =
                intake.file(new NewIsolationRequest(null, BIG_TWO, 20000L, 40.0, 300.0, WHY, WANTED_BY, null));
        assertThat(own.customer()).isEqualTo(CUSTOMER);
        assertThat(own.requestedBy()).isEqualTo("frank");

        assertThatThrownBy(() -> intake.file(Requests.valid("contoso", List.of("contosodev.azurecr.io"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        intake.file(Requests.valid(null, List.of("openmindmodels.azurecr.io", "fabrikam.azurecr.io"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("registries: fabrikam.azurecr.io does not belong to customer openmind-ai; a request covers"
                        + " only the customer's own registries");
        assertThat(intake.customersForFiling()).containsExactly(CUSTOMER);
        assertThatThrownBy(() -> intake.registriesOf("contoso")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_field_is_checked_and_the_message_names_it() {
        as("carol");
        record Case(NewIsolationRequest in, String message) {}
        List<Case> cases = List.of(
                new Case(
                        new NewIsolationRequest(null, BIG_TWO, 20000L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "customer: name the customer"),
                new Case(
                        new NewIsolationRequest("nobody", BIG_TWO, 20000L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "customer: no customer named 'nobody'"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, List.of(), 20000L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "registries: Choose at least one"),
                new Case(
                        new NewIsolationRequest(
                                CUSTOMER, List.of("nope.azurecr.io"), 20000L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "registries: no registry named 'nope.azurecr.io'"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, null, 40.0, 300.0, WHY, WANTED_BY, null),
                        "expectedPeakQps: Enter the expected peak"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, -5L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "expectedPeakQps: Expected peak QPS must be between 1"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, null, 300.0, WHY, WANTED_BY, null),
                        "peakThroughputGbps: Enter the peak throughput"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 0.0, 300.0, WHY, WANTED_BY, null),
                        "peakThroughputGbps: Peak throughput must be above 0"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, null, WHY, WANTED_BY, null),
                        "dataVolumeTb: Enter the data volume"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, -1.0, WHY, WANTED_BY, null),
                        "dataVolumeTb: Data volume must be above 0"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, 300.0, "  ", WANTED_BY, null),
                        "justification: Say why"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, 300.0, "faster", WANTED_BY, null),
                        "justification: The justification is too short"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, 300.0, WHY, null, null),
                        "wantedBy: Enter the date"),
                new Case(
                        new NewIsolationRequest(
                                CUSTOMER, BIG_TWO, 20000L, 40.0, 300.0, WHY, LocalDate.parse("2026-01-01"), null),
                        "wantedBy: The wanted-by date 2026-01-01 is in the past"),
                new Case(
                        new NewIsolationRequest(CUSTOMER, BIG_TWO, 20000L, 40.0, 300.0, WHY, WANTED_BY, "westeurope"),
                        "region: every registry must be replicated to westeurope"),
                // contoso.azurecr.io is geo-replicated to eastus and westeurope: the region must be named
                new Case(
                        new NewIsolationRequest(
                                "contoso", List.of("contoso.azurecr.io"), 20000L, 40.0, 300.0, WHY, WANTED_BY, null),
                        "region: the registries are replicated to [eastus, westeurope]"));
        for (Case c : cases) {
            assertThatThrownBy(() -> intake.file(c.in()))
                    .as(c.message())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(c.message());
        }
        assertThat(intake.file(new NewIsolationRequest(
                                "contoso",
                                List.of("contoso.azurecr.io"),
                                20000L,
                                40.0,
                                300.0,
                                WHY,
                                WANTED_BY,
                                "westeurope"))
                        .region())
                .isEqualTo("westeurope");
    }

    @Test
    void a_customer_sees_only_its_own_requests() {
        as("carol");
        IsolationRequestDetails contoso = intake.file(Requests.valid("contoso", List.of("contosodev.azurecr.io")));
        IsolationRequestDetails openmind = intake.file(Requests.valid());
        as("frank");
        assertThat(review.list(null))
                .extracting(IsolationRequestDetails::customer)
                .containsOnly(CUSTOMER);
        assertThat(review.list(null)).extracting(IsolationRequestDetails::id).contains(openmind.id());
        assertThatThrownBy(() -> review.get(contoso.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review.history(contoso.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> review.context(openmind.id()))
                .as("customers never see stamps")
                .isInstanceOf(AccessDeniedException.class);
        as("dave");
        assertThat(review.list(null)).extracting(IsolationRequestDetails::id).contains(contoso.id(), openmind.id());
        assertThat(review.list(IsolationState.SUBMITTED))
                .extracting(IsolationRequestDetails::id)
                .contains(contoso.id(), openmind.id());
        assertThat(review.list(IsolationState.SUBMITTED))
                .extracting(IsolationRequestDetails::state)
                .containsOnly(IsolationState.SUBMITTED);
        assertThat(review.list(IsolationState.REJECTED))
                .extracting(IsolationRequestDetails::id)
                .doesNotContain(contoso.id());
    }

    @Test
    void only_support_and_admin_decide_and_never_on_their_own_request() {
        as("carol");
        IsolationRequestDetails r = intake.file(Requests.valid());
        assertThatThrownBy(() -> review.startReview(r.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yourself");
        for (String user : List.of("alice", "dave", "frank")) {
            as(user);
            assertThatThrownBy(() -> review.startReview(r.id())).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> review.approve(r.id())).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> review.reject(r.id(), "no")).as(user).isInstanceOf(AccessDeniedException.class);
        }
        as("alice");
        assertThatThrownBy(() -> intake.file(Requests.valid()))
                .as("engineers do not file")
                .isInstanceOf(AccessDeniedException.class);
        as("erin");
        assertThat(review.startReview(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        assertThatThrownBy(() -> review.reject(r.id(), " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason: A reason the requester can act on is required");
        IsolationRequestDetails rejected =
                review.reject(r.id(), "Shared capacity suffices after the planned rebalance");
        assertThat(rejected.state()).isEqualTo(IsolationState.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo("erin");
        assertThat(audit.search("erin", "ISOLATION_REJECTED", r.id(), null, 5)).hasSize(1);
    }

    @Test
    void support_asks_the_customer_answers_and_the_review_goes_on() {
        as("frank");
        IsolationRequestDetails r = intake.file(Requests.valid());
        as("carol");
        review.startReview(r.id());
        assertThatThrownBy(() -> review.askForInformation(r.id(), ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("question:");
        assertThat(review.askForInformation(r.id(), "How fast does the data volume grow?")
                        .state())
                .isEqualTo(IsolationState.NEEDS_INFO);
        as("frank");
        assertThat(review.get(r.id()).question()).isEqualTo("How fast does the data volume grow?");
        assertThatThrownBy(() -> review.answer(r.id(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("answer:");
        IsolationRequestDetails answered = review.answer(r.id(), "About 20 TB a month");
        assertThat(answered.state()).isEqualTo(IsolationState.IN_REVIEW);
        assertThat(answered.answer()).isEqualTo("About 20 TB a month");
        assertThat(review.history(r.id()))
                .extracting(IsolationStateChange::to)
                .containsExactly(
                        IsolationState.SUBMITTED,
                        IsolationState.IN_REVIEW,
                        IsolationState.NEEDS_INFO,
                        IsolationState.IN_REVIEW);
        assertThat(review.history(r.id()))
                .extracting(c -> c.actor().name())
                .containsExactly("frank", "carol", "carol", "frank");
    }

    @Test
    void whoever_answered_on_the_customers_behalf_cannot_approve() {
        as("frank");
        IsolationRequestDetails r = intake.file(Requests.valid());
        as("carol");
        review.startReview(r.id());
        review.askForInformation(r.id(), "How fast does the data volume grow?");
        as("erin"); // support relays what the customer said on the phone
        review.answer(r.id(), "About 20 TB a month");
        assertThat(review.mayDecide(review.get(r.id()))).isFalse();
        assertThatThrownBy(() -> review.approve(r.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered request")
                .hasMessageContaining("on the customer's behalf");
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        as("carol");
        assertThat(review.mayDecide(review.get(r.id()))).isTrue();
    }
}
