package dev.stampboard.isolation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.stampboard.KaribuTest;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationService;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.isolation.Requests;

/** The queue, the detail with its actions, and the new-request form (empty, and prefilled). */
class IsolationViewsTest extends KaribuTest {

    @Autowired
    IsolationService isolation;
    @Autowired
    UserDetailsService users;
    @Autowired
    dev.stampboard.planning.PlanningService planning;
    @Autowired
    dev.stampboard.fleet.FleetService fleet;

    private IsolationRequestDetails filedBy(String user) {
        Requests.as(users, user);
        IsolationRequestDetails r = isolation.file(Requests.valid());
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
        IsolationRequestDetails contoso = isolation.file(Requests.valid("contoso", List.of("contosodev.azurecr.io")));

        login("dave");
        UI.getCurrent().navigate(IsolationRequestsView.class);
        IsolationRequestsView queue = _get(IsolationRequestsView.class);
        assertThat(queue.newRequest.isVisible()).as("viewers read, they do not file").isFalse();
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
        assertThat(rows(own)).extracting(IsolationRequestDetails::id).contains(mine.id()).doesNotContain(contoso.id());
        assertThat(own.newRequest.isVisible()).isTrue();
        assertThat(own.grid.getColumnByKey("customer").isVisible()).isFalse();
    }

    private static List<IsolationRequestDetails> rows(IsolationRequestsView queue) {
        return java.util.stream.IntStream.range(0, GridKt._size(queue.grid)).mapToObj(i -> GridKt._get(queue.grid, i)).toList();
    }

    // ---- detail and actions ------------------------------------------------------------------

    @Test
    void support_reviews_and_asks_and_the_customer_answers() {
        IsolationRequestDetails r = filedBy("frank");
        IsolationRequestDetailView view = detail("carol", r.id());
        assertThat(GridKt._size(_get(ReviewContext.class).advice)).isEqualTo(2);
        assertThat(GridKt._size(_get(ReviewContext.class).stamps)).isPositive();
        assertThat(_get(SizingPanel.class).summary.getText()).isEqualTo("120 registry nodes · 20 dataproxy nodes · 3 storage accounts");
        ButtonKt._click(view.actions.startReview);
        assertThat(isolation.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);

        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.askForInfo);
        view.actions.dialogText.setValue("Which training jobs pull from the datasets registry?");
        confirm();
        assertThat(isolation.get(r.id()).state()).isEqualTo(IsolationState.NEEDS_INFO);

        view = detail("frank", r.id());
        assertThat(view.getChildren().anyMatch(c -> c instanceof ReviewContext)).as("customers never see stamps").isFalse();
        assertThat(view.actions.startReview.isVisible() && view.actions.startReview.getParent().get().isVisible()).isFalse();
        view.actions.answer.setValue("The nightly fine-tuning jobs, about 2,000 pods");
        ButtonKt._click(view.actions.sendAnswer);
        assertThat(isolation.get(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        assertThat(isolation.get(r.id()).answer()).isEqualTo("The nightly fine-tuning jobs, about 2,000 pods");
    }

    @Test
    void support_approves_after_confirming_and_the_stamp_is_provisioned() {
        // Litware: no other test gives it a dedicated stamp
        Requests.as(users, "erin");
        IsolationRequestDetails r = isolation.file(Requests.valid("litware", List.of("litwaredocs.azurecr.io")));
        IsolationRequestDetailView view = detail("carol", r.id());
        ButtonKt._click(view.actions.startReview);
        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.approve);
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("message")).contains("120 registry nodes");
        confirm();
        IsolationRequestDetails approved = isolation.get(r.id());
        assertThat(approved.state()).isIn(IsolationState.PROVISIONING, IsolationState.READY, IsolationState.MIGRATING);
        assertThat(approved.decidedBy()).isEqualTo("carol");
        assertThat(approved.dedicatedStamp()).isEqualTo("ded-litware-eastus");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("progress")).getElement()
                .getTextRecursively()).contains("ded-litware-eastus");
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
        view.actions.dialogText.setValue("");
        confirm();
        assertThat(isolation.get(r.id()).state()).as("no reason, no rejection").isEqualTo(IsolationState.IN_REVIEW);
        view = _get(IsolationRequestDetailView.class);
        ButtonKt._click(view.actions.reject);
        view.actions.dialogText.setValue("Shared stamp eus-s03 has room after the planned rebalance");
        confirm();
        assertThat(isolation.get(r.id()).state()).isEqualTo(IsolationState.REJECTED);
        assertThat(isolation.get(r.id()).decisionReason()).isEqualTo("Shared stamp eus-s03 has room after the planned rebalance");

        IsolationRequestDetailView engineer = detail("alice", r.id());
        assertThat(engineer.actions.approve.isVisible() && engineer.actions.approve.getParent().get().isVisible()).isFalse();
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
        assertThat(form.expectedPeakQps.getErrorMessage()).isEqualTo("Expected peak QPS must be between 1 and 10,000,000 (got 0)");
        form.justification.setValue("too short");
        assertThat(form.justification.getErrorMessage()).startsWith("The justification is too short");
        form.wantedBy.setValue(java.time.LocalDate.parse("2026-01-01"));
        assertThat(form.wantedBy.getErrorMessage()).contains("is in the past");

        form.expectedPeakQps.setValue(20000);
        form.peakThroughputGbps.setValue(40.0);
        form.dataVolumeTb.setValue(300.0);
        assertThat(view.sizing.summary.getText()).isEqualTo("120 registry nodes · 20 dataproxy nodes · 3 storage accounts");
        form.justification.setValue(Requests.WHY);
        form.wantedBy.setValue(Requests.WANTED_BY);
        List<String> before = isolation.list(null).stream().map(IsolationRequestDetails::id).toList();
        ButtonKt._click(view.submit);
        _get(IsolationRequestDetailView.class); // the view moved on to the new request
        IsolationRequestDetails filed = isolation.list(null).stream().filter(r -> !before.contains(r.id()))
                .findFirst().orElseThrow();
        assertThat(filed.state()).isEqualTo(IsolationState.SUBMITTED);
        assertThat(filed.requestedBy()).isEqualTo("carol");
        assertThat(filed.justification()).isEqualTo(Requests.WHY);
    }

    @Test
    void a_customer_files_only_for_itself_from_its_own_registries() {
        login("frank");
        UI.getCurrent().navigate(NewIsolationRequestView.class);
        IsolationRequestForm form = _get(NewIsolationRequestView.class).form;
        assertThat(form.customer.getValue()).isEqualTo("openmind-ai");
        assertThat(form.customer.isReadOnly()).isTrue();
        assertThat(form.registries.getListDataView().getItems().toList()).hasSize(40).allMatch(n -> n.startsWith("openmind"));
    }

    @Test
    void query_parameters_prefill_the_form() {
        login("carol");
        UI.getCurrent().navigate("isolation-requests/new", QueryParameters.full(Map.of(
                "customer", new String[] {"openmind-ai"},
                "registry", new String[] {"openmindmodels.azurecr.io", "openmindinference.azurecr.io"},
                "qps", new String[] {"15000"}, "gbps", new String[] {"30"}, "tb", new String[] {"120"},
                "justification", new String[] {"Inference fleet needs its own update domain"})));
        NewIsolationRequestView view = _get(NewIsolationRequestView.class);
        assertThat(view.form.customer.getValue()).isEqualTo("openmind-ai");
        assertThat(view.form.registries.getValue()).containsExactlyInAnyOrder("openmindmodels.azurecr.io", "openmindinference.azurecr.io");
        assertThat(view.form.region.getValue()).isEqualTo("eastus");
        assertThat(view.form.expectedPeakQps.getValue()).isEqualTo(15000);
        assertThat(view.form.peakThroughputGbps.getValue()).isEqualTo(30.0);
        assertThat(view.form.dataVolumeTb.getValue()).isEqualTo(120.0);
        assertThat(view.form.justification.getValue()).isEqualTo("Inference fleet needs its own update domain");
        assertThat(view.sizing.summary.getText()).isEqualTo("90 registry nodes · 15 dataproxy nodes · 2 storage accounts");
    }

    @Test
    void one_click_from_a_plans_isolation_recommendation_opens_a_prefilled_request() {
        // Northwind: a customer no other test isolates or moves, wherever the shared context has left it
        String registry = "northwindapps.azurecr.io";
        String home = fleet.registry(registry).orElseThrow().homeStamp("eastus").orElseThrow();
        login("alice");
        var plan = planning.proposeAndSubmit("eastus", List.of(home), planning.defaultSettings(),
                new dev.stampboard.planning.engine.PlanChoices(Set.of(registry),
                        Map.of(registry, dev.stampboard.planning.engine.PlanChoices.DEDICATED)));
        var isolationRow = plan.isolations().stream().filter(i -> i.registry().equals(registry)).findFirst().orElseThrow();

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
        assertThat(view.form.dataVolumeTb.getValue()).as("the planner does not know the data volume").isNull();
        assertThat(view.form.justification.getValue()).startsWith("Plan " + plan.id().substring(0, 8) + " recommends a dedicated stamp");
        view.form.dataVolumeTb.setValue(100.0);
        assertThat(view.sizing.summary.getText()).startsWith(isolationRow.registryNodes() + " registry nodes · "
                + isolationRow.dataproxyNodes() + " dataproxy nodes");

        login("dave");
        UI.getCurrent().navigate(dev.stampboard.planning.ui.PlanReviewView.class, new RouteParameters("id", plan.id()));
        assertThat(_get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("isolations")).getColumnByKey("request"))
                .as("only support and admins file requests").isNull();
    }
}
