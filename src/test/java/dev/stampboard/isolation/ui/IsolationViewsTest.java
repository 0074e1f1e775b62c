package dev.stampboard.isolation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.isolation.IsolationIntake;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.isolation.Requests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The queue, the detail with its actions, and the new-request form (empty, and prefilled). */
class IsolationViewsTest extends KaribuTest {

    @Autowired
    IsolationIntake intake;

    @Autowired
    IsolationReview review;

    @Autowired
    UserDetailsService users;

    @Autowired
    dev.stampboard.planning.PlanningService planning;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    @Autowired
    dev.stampboard.fleet.FleetService fleet;

    private IsolationRequestDetails filedBy(String user) {
        Requests.as(users, user);
        IsolationRequestDetails r = intake.file(Requests.valid());
        return r;
    }

    private IsolationRequestDetailView detail(String user, String id) {
        login(user);
        UI.getCurrent().navigate(IsolationRequestDetailView.class, new RouteParameters("id", id));
        return _get(IsolationRequestDetailView.class);
    }

    private static void confirm() {
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        dialog.close(); // the browser closes it on confirm
    }

    // ---- queue -------------------------------------------------------------------------------

    @Test
    void the_queue_filters_by_state_and_age_and_a_customer_sees_only_its_own() {
        IsolationRequestDetails mine = filedBy("frank");
        Requests.as(users, "carol");
        IsolationRequestDetails contoso = intake.file(Requests.valid("contoso", List.of("contosodev.azurecr.io")));

        login("dave");
        UI.getCurrent().navigate(IsolationRequestsView.class);
        IsolationRequestsView queue = _get(IsolationRequestsView.class);
        assertThat(queue.newRequest.isVisible())
                .as("viewers read, they do not file")
                .isFalse();
        assertThat(rows(queue)).extracting(IsolationRequestDetails::id).contains(mine.id(), contoso.id());
        queue.state.setValue(IsolationState.SUBMITTED);
        assertThat(rows(queue)).extracting(IsolationRequestDetails::state).containsOnly(IsolationState.SUBMITTED);
        queue.age.setValue(IsolationRequestsView.Age.OVER_7_DAYS);
        assertThat(rows(queue)).extracting(IsolationRequestDetails::id).doesNotContain(mine.id(), contoso.id());
        assertThat(queue.grid.getColumnByKey("customer").isVisible()).isTrue();

        login("frank");
        UI.getCurrent().navigate(IsolationRequestsView.class);
        IsolationRequestsView own = _get(IsolationRequestsView.class);
        assertThat(rows(own)).extracting(IsolationRequestDetails::customer).containsOnly("openmind-ai");
        assertThat(rows(own))
                .extracting(IsolationRequestDetails::id)
                .contains(mine.id())
                .doesNotContain(contoso.id());
        assertThat(own.newRequest.isVisible()).isTrue();
        assertThat(own.grid.getColumnByKey("customer").isVisible()).isFalse();
    }

    private static List<IsolationRequestDetails> rows(IsolationRequestsView queue) {
        return java.util.stream.IntStream.range(0, GridKt._size(queue.grid))
                .mapToObj(i -> GridKt._get(queue.grid, i))
                .toList();
    }

    // ---- detail and actions ------------------------------------------------------------------

    @Test
    void support_reviews_and_asks_and_the_customer_answers() {
        IsolationRequestDetails r = filedBy("frank");
        IsolationRequestDetailView view = detail("carol", r.id());
        assertThat(GridKt._size(_get(ReviewContext.class).advice)).isEqualTo(2);
        assertThat(GridKt._size(_get(ReviewContext.class).stamps)).isPositive();
        assertThat(_get(SizingPanel.class).summary.getText())
                .isEqualTo("120 registry nodes · 20 dataproxy nodes · 3 storage accounts");
        ButtonKt._click(view.actions.startReview);
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);

        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.askForInfo);
        // issue 15 item 5: an empty question used to close the dialog with the service's raw message
        var question = view.actions.dialog;
        ButtonKt._click(question.confirm);
        assertThat(question.isOpened()).as("stays open to be filled in").isTrue();
        assertThat(question.text.isInvalid()).isTrue();
        assertThat(question.text.getErrorMessage()).isEqualTo("Write the question the requester should answer");
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        question.text.setValue("Which training jobs pull from the datasets registry?");
        ButtonKt._click(question.confirm);
        assertThat(question.isOpened()).isFalse();
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.NEEDS_INFO);

        view = detail("frank", r.id());
        assertThat(view.getChildren().anyMatch(c -> c instanceof ReviewContext))
                .as("customers never see stamps")
                .isFalse();
        assertThat(view.actions.startReview.isVisible()
                        && view.actions.startReview.getParent().get().isVisible())
                .isFalse();
        view.actions.answer.setValue("The nightly fine-tuning jobs, about 2,000 pods");
        ButtonKt._click(view.actions.sendAnswer);
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        assertThat(review.get(r.id()).answer()).isEqualTo("The nightly fine-tuning jobs, about 2,000 pods");
    }

    @Test
    void support_approves_after_confirming_and_the_stamp_is_provisioned() {
        // Litware: no other test gives it a dedicated stamp
        Requests.as(users, "erin");
        IsolationRequestDetails r = intake.file(Requests.valid("litware", List.of("litwaredocs.azurecr.io")));
        IsolationRequestDetailView view = detail("carol", r.id());
        ButtonKt._click(view.actions.startReview);
        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.approve);
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("message"))
                .contains("120 registry nodes");
        confirm();
        IsolationRequestDetails approved = review.get(r.id());
        assertThat(approved.state()).isIn(IsolationState.PROVISIONING, IsolationState.READY, IsolationState.MIGRATING);
        assertThat(approved.decidedBy()).isEqualTo("carol");
        assertThat(approved.dedicatedStamp()).isEqualTo("ded-litware-eastus");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("progress"))
                        .getElement()
                        .getTextRecursively())
                .contains("ded-litware-eastus");
    }

    @Test
    void rejecting_needs_a_reason_and_nobody_decides_on_their_own_request() {
        IsolationRequestDetails r = filedBy("carol");
        IsolationRequestDetailView own = detail("carol", r.id());
        assertThat(own.actions.startReview.isVisible()).isTrue();
        assertThat(own.actions.startReview.isEnabled()).as("filed it herself").isFalse();

        IsolationRequestDetailView view = detail("erin", r.id());
        ButtonKt._click(view.actions.startReview);
        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.reject);
        var reason = view.actions.dialog;
        reason.text.setValue("");
        ButtonKt._click(reason.confirm);
        assertThat(review.get(r.id()).state()).as("no reason, no rejection").isEqualTo(IsolationState.IN_REVIEW);
        assertThat(reason.text.getErrorMessage()).startsWith("Say why");
        reason.text.setValue("Shared stamp eus-s03 has room after the planned rebalance");
        ButtonKt._click(reason.confirm);
        assertThat(review.get(r.id()).state()).isEqualTo(IsolationState.REJECTED);
        assertThat(review.get(r.id()).decisionReason())
                .isEqualTo("Shared stamp eus-s03 has room after the planned rebalance");

        IsolationRequestDetailView engineer = detail("alice", r.id());
        assertThat(engineer.actions.approve.isVisible()
                        && engineer.actions.approve.getParent().get().isVisible())
                .isFalse();
    }

    // ---- new-request form ----------------------------------------------------------------------

    @Test
    void the_form_says_what_is_wrong_with_each_field_and_files_a_valid_request() {
        login("carol");
        UI.getCurrent().navigate(NewIsolationRequestView.class);
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        IsolationRequestForm form = view.form;
        ButtonKt._click(view.submit);
        assertThat(form.customer.getErrorMessage()).isEqualTo("Choose the customer");
        assertThat(form.registries.getErrorMessage()).startsWith("Choose at least one registry");
        assertThat(form.expectedPeakQps.getErrorMessage()).startsWith("Enter the expected peak requests per second");
        assertThat(form.peakThroughputGbps.getErrorMessage()).startsWith("Enter the peak throughput");
        assertThat(form.dataVolumeTb.getErrorMessage()).startsWith("Enter the data volume");
        assertThat(form.justification.getErrorMessage()).startsWith("Say why");
        assertThat(form.wantedBy.getErrorMessage()).startsWith("Enter the date");

        form.customer.setValue("openmind-ai");
        form.registries.setValue(Set.copyOf(Requests.BIG_TWO));
        assertThat(form.region.getValue()).isEqualTo("eastus");
        form.expectedPeakQps.setValue(0);
        assertThat(form.expectedPeakQps.getErrorMessage())
                .isEqualTo("Expected peak QPS must be between 1 and 10,000,000 (got 0)");
        form.justification.setValue("too short");
        assertThat(form.justification.getErrorMessage()).startsWith("The justification is too short");
        form.wantedBy.setValue(java.time.LocalDate.parse("2026-01-01"));
        assertThat(form.wantedBy.getErrorMessage()).contains("is in the past");

        form.expectedPeakQps.setValue(20000);
        form.peakThroughputGbps.setValue(40.0);
        form.dataVolumeTb.setValue(300.0);
        assertThat(view.sizing.summary.getText())
                .isEqualTo("120 registry nodes · 20 dataproxy nodes · 3 storage accounts");
        form.justification.setValue(Requests.WHY);
        form.wantedBy.setValue(Requests.WANTED_BY);
        List<String> before =
                review.list(null).stream().map(IsolationRequestDetails::id).toList();
        ButtonKt._click(view.submit);
        _get(IsolationRequestDetailView.class); // the view moved on to the new request
        IsolationRequestDetails filed = review.list(null).stream()
                .filter(r -> !before.contains(r.id()))
                .findFirst()
                .orElseThrow();
        assertThat(filed.state()).isEqualTo(IsolationState.SUBMITTED);
        assertThat(filed.requestedBy()).isEqualTo("carol");
        assertThat(filed.justification()).isEqualTo(Requests.WHY);
    }

    /** Issue 15 item 3: such a request went through to a plan that proposed nothing and a page that could not render. */
    @Test
    void a_registry_already_on_its_customers_dedicated_stamp_is_answered_up_front() {
        // a customer and region of their own, so no other test's fleet (or dashboard) changes
        String customer = "ux-isolated";
        String region = "zz-ux-test";
        String stamp = "ded-" + customer + "-" + region;
        String registry = "uxisolated.azurecr.io";
        if (fleet.customer(customer).isEmpty()) {
            fleet.addCustomer(customer, "UX Isolated", dev.stampboard.base.Actor.system("test"));
            fleet.declareStamp(
                    stamp,
                    new dev.stampboard.fleet.StampDeclaration(
                            region,
                            dev.stampboard.fleet.StampKind.DEDICATED,
                            null,
                            List.of(
                                    new dev.stampboard.fleet.StampDeclaration.PoolDeclaration(
                                            dev.stampboard.fleet.PoolKind.REGISTRY,
                                            List.of(stamp + "-r0", stamp + "-r1"),
                                            null),
                                    new dev.stampboard.fleet.StampDeclaration.PoolDeclaration(
                                            dev.stampboard.fleet.PoolKind.DATAPROXY,
                                            List.of(stamp + "-d0", stamp + "-d1"),
                                            null)),
                            List.of()),
                    dev.stampboard.base.Actor.system("test"));
            fleet.addRegistry(registry, customer, Map.of(region, stamp), dev.stampboard.base.Actor.system("test"));
        }
        String expected = registry + " is already isolated on " + stamp + " (its home stamp in " + region
                + "); there is nothing to isolate";

        login("carol");
        UI.getCurrent().navigate(NewIsolationRequestView.class);
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        view.form.customer.setValue(customer);
        view.form.registries.setValue(Set.of(registry));
        assertThat(view.form.region.getValue()).isEqualTo(region);
        assertThat(view.form.registries.isInvalid())
                .as("said as soon as it is chosen")
                .isTrue();
        assertThat(view.form.registries.getErrorMessage()).isEqualTo(expected);

        Requests.as(users, "carol");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> intake.file(Requests.valid(customer, List.of(registry))))
                .isInstanceOf(dev.stampboard.base.InvalidInputException.class)
                .hasMessage("registries: " + expected);
    }

    /** Issue 15 item 4: "2026-12-30", the format the hint shows, left the field red with no message. */
    @Test
    void wanted_by_takes_iso_and_the_locales_format_and_says_what_it_cannot_read() {
        login("carol");
        UI.getCurrent().navigate(NewIsolationRequestView.class);
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        var picker = view.form.wantedBy;
        assertThat(picker.getLocale().getLanguage()).as("the test's locale").isEqualTo("en");
        var i18n = picker.getI18n();
        assertThat(i18n.getDateFormats())
                .as("ISO first (shown), then the locale's")
                .startsWith("yyyy-MM-dd")
                .contains("M/d/yy", "M/d/yyyy");
        assertThat(picker.getHelperText()).contains("2026-12-30").contains("12/30/2026");
        assertThat(i18n.getBadInputErrorMessage()).startsWith("Not a date: type it as 2026-12-30");

        // what the browser reports for text it cannot parse: the field says so, and Submit says why it stops
        picker.getElement().setProperty("_hasInputValue", true);
        picker.getElement()
                .getNode()
                .getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(
                        picker.getElement(), "unparsable-change", elemental.json.Json.createObject()));
        ButtonKt._click(view.submit);
        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).startsWith("Not a date");
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).startsWith("Not submitted: ").contains("Wanted by: Not a date");
    }

    @Test
    void a_customer_files_only_for_itself_from_its_own_registries() {
        login("frank");
        UI.getCurrent().navigate(NewIsolationRequestView.class);
        IsolationRequestForm form = _get(NewIsolationRequestView.class).form;
        assertThat(form.customer.getValue()).isEqualTo("openmind-ai");
        assertThat(form.customer.isReadOnly()).isTrue();
        assertThat(form.registries.getListDataView().getItems().toList())
                .hasSize(40)
                .allMatch(n -> n.startsWith("openmind"));
    }

    @Test
    void query_parameters_prefill_the_form() {
        login("carol");
        UI.getCurrent()
                .navigate(
                        "isolation-requests/new",
                        QueryParameters.full(Map.of(
                                "customer",
                                new String[] {"openmind-ai"},
                                "registry",
                                new String[] {"openmindmodels.azurecr.io", "openmindinference.azurecr.io"},
                                "qps",
                                new String[] {"15000"},
                                "gbps",
                                new String[] {"30"},
                                "tb",
                                new String[] {"120"},
                                "justification",
                                new String[] {"Inference fleet needs its own update domain"})));
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        assertThat(view.form.customer.getValue()).isEqualTo("openmind-ai");
        assertThat(view.form.registries.getValue())
                .containsExactlyInAnyOrder("openmindmodels.azurecr.io", "openmindinference.azurecr.io");
        assertThat(view.form.region.getValue()).isEqualTo("eastus");
        assertThat(view.form.expectedPeakQps.getValue()).isEqualTo(15000);
        assertThat(view.form.peakThroughputGbps.getValue()).isEqualTo(30.0);
        assertThat(view.form.dataVolumeTb.getValue()).isEqualTo(120.0);
        assertThat(view.form.justification.getValue()).isEqualTo("Inference fleet needs its own update domain");
        assertThat(view.sizing.summary.getText())
                .isEqualTo("90 registry nodes · 15 dataproxy nodes · 2 storage accounts");
    }

    @Test
    void one_click_from_a_plans_isolation_recommendation_opens_a_prefilled_request() {
        // Northwind: a customer no other test isolates or moves, wherever the shared context has left it
        String registry = "northwindapps.azurecr.io";
        String home = fleet.registry(registry).orElseThrow().homeStamp("eastus").orElseThrow();
        login("alice");
        var plan = planning.proposeAndSubmit(
                "eastus",
                List.of(home),
                computation.defaultSettings(),
                new dev.stampboard.planning.engine.PlanChoices(
                        Set.of(registry), Map.of(registry, dev.stampboard.planning.engine.PlanChoices.DEDICATED)));
        var isolationRow = plan.isolations().stream()
                .filter(i -> i.registry().equals(registry))
                .findFirst()
                .orElseThrow();

        login("carol");
        UI.getCurrent().navigate(dev.stampboard.planning.ui.PlanReviewView.class, new RouteParameters("id", plan.id()));
        var isolations = _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("isolations"));
        int row = plan.isolations().indexOf(isolationRow);
        ButtonKt._click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(isolations, row, "request"));
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        assertThat(view.form.customer.getValue()).isEqualTo("northwind");
        assertThat(view.form.registries.getValue()).containsExactly(registry);
        assertThat(view.form.region.getValue()).isEqualTo("eastus");
        assertThat(view.form.expectedPeakQps.getValue()).isPositive();
        assertThat(view.form.peakThroughputGbps.getValue()).isPositive();
        assertThat(view.form.dataVolumeTb.getValue())
                .as("the planner does not know the data volume")
                .isNull();
        assertThat(view.form.justification.getValue())
                .startsWith("Plan " + plan.id().substring(0, 8) + " recommends a dedicated stamp");
        view.form.dataVolumeTb.setValue(100.0);
        assertThat(view.sizing.summary.getText())
                .startsWith(isolationRow.registryNodes() + " registry nodes · " + isolationRow.dataproxyNodes()
                        + " dataproxy nodes");

        login("dave");
        UI.getCurrent().navigate(dev.stampboard.planning.ui.PlanReviewView.class, new RouteParameters("id", plan.id()));
        assertThat(_get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("isolations"))
                        .getColumnByKey("request"))
                .as("only support and admins file requests")
                .isNull();
    }
}
