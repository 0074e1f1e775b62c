package dev.stampboard.planning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * One plan: the prediction, each move's explanation, the signal snapshot it was computed from,
 * its history — and, for engineers, submit / approve / reject / refresh with confirmation.
 */
@Route("plans/:id")
@PageTitle("Plan · Stampboard")
@RolesAllowed(Role.VIEWER_NAME)
public class PlanReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanningService planning;
    private final CurrentUser user;
    final Button submit = new Button("Submit for approval");
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject…");
    final Button refresh = new Button("Refresh from current signals");
    final TextArea rejectReason = new TextArea("Reason");
    private String id = "";

    public PlanReviewView(PlanningService planning, CurrentUser user) {
        this.planning = planning;
        this.user = user;
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        submit.addClickListener(e -> act(() -> planning.submit(PlanId.of(id)), "Submitted for approval"));
        approve.addClickListener(e -> confirmApprove());
        reject.addClickListener(e -> confirmReject());
        refresh.addClickListener(e -> act(() -> planning.refresh(PlanId.of(id)), "Recomputed from current signals"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        render();
    }

    void render() {
        removeAll();
        PlanDetails plan;
        try {
            plan = planning.get(PlanId.of(id));
        } catch (NotFoundException e) {
            add(new H1("Plan not found"), new Paragraph(e.getMessage()));
            return;
        }
        var title = new H1("Plan " + plan.id().substring(0, 8) + " · " + plan.region());
        title.getStyle().set("margin", "0");
        var header = new HorizontalLayout(title, PlanBadges.status(plan.status(), plan.stale()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(
                header,
                new Paragraph(describe(plan, planning.dedicatedStamps(plan).size())),
                new com.vaadin.flow.router.RouterLink(
                        "Outcome report",
                        PlanReportView.class,
                        new com.vaadin.flow.router.RouteParameters("id", plan.id())));
        if (plan.status() == PlanStatus.APPROVED
                || plan.status() == PlanStatus.IN_PROGRESS
                || plan.status().isFinished()) {
            // by route, not by class: the cutover module builds on planning, not the other way round
            var monitor = new com.vaadin.flow.component.html.Anchor(
                    "migrations" + (plan.status() == PlanStatus.APPROVED ? "" : "/" + plan.id()),
                    plan.status() == PlanStatus.APPROVED
                            ? "Start it from Migrations"
                            : "Follow its execution in the migration monitor");
            monitor.setId("monitor-link");
            add(monitor);
        }
        if (plan.stale()) {
            var warning = new Paragraph("The signals changed materially since this plan was computed. Refresh it and"
                    + " review the new prediction before it can be approved.");
            warning.getElement().getThemeList().add("badge warning");
            add(warning);
        }
        add(actions(plan));
        add(new H2("Predicted hot-node P95"), new PredictionChart(plan), new PredictionGrid(plan.predictions()));
        List<String> states = planning.moveStates(plan);
        java.util.Map<PlanMove, String> stateOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < plan.moves().size(); i++) {
            stateOf.put(plan.moves().get(i), states.get(i));
        }
        var movesHeader = new HorizontalLayout(
                new H2("Moves"),
                dev.stampboard.base.ui.CsvExport.link(
                        "plan-" + plan.id().substring(0, 8) + "-moves.csv",
                        java.util.List.of(
                                "phase",
                                "batch",
                                "registry",
                                "region",
                                "from",
                                "to",
                                "observe_hours",
                                "state",
                                "why_registry",
                                "why_destination"),
                        plan::moves,
                        m -> java.util.List.of(
                                m.phase(),
                                m.batch(),
                                m.registry(),
                                m.region(),
                                m.fromStamp(),
                                m.toStamp(),
                                m.observationHours(),
                                stateOf.getOrDefault(m, ""),
                                m.whyRegistry(),
                                m.whyDestination())));
        movesHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(movesHeader, new PhasedMoves(plan.moves(), states, planning.dedicatedStamps(plan)));
        if (!plan.isolations().isEmpty()) {
            var isolations = new IsolationGrid(plan.isolations());
            if (user.has(Role.SUPPORT) || user.has(Role.ADMIN)) {
                // by route, not by type: planning does not depend on the isolation module
                isolations
                        .addComponentColumn(i -> new Button(
                                "Request isolation",
                                e -> getUI().ifPresent(ui -> ui.navigate(
                                        "isolation-requests/new",
                                        QueryParameters.simple(
                                                java.util.Map.of("plan", plan.id(), "registry", i.registry()))))))
                        .setHeader("")
                        .setKey("request")
                        .setAutoWidth(true)
                        .setFlexGrow(0);
            }
            add(new H2("Dedicated stamp recommended"), isolations);
        }
        add(new H2("Triggered by"));
        if (plan.triggeredBy().isEmpty()) {
            add(new Paragraph("No signal triggered the source stamps when the plan was computed: an engineer chose"
                    + " them (or the plan predates recorded triggers; its notes may say)."));
        } else {
            add(new TriggerGrid(plan.triggeredBy()));
        }
        if (!plan.notes().isBlank()) {
            add(new H2("Planner notes"), new Paragraph(plan.notes()));
        }
        add(new H2("Evidence: signals when computed"), new EvidenceGrid(plan.evidence()));
        add(new H2("History"), new HistoryGrid(planning.history(PlanId.of(id))));
    }

    private HorizontalLayout actions(PlanDetails plan) {
        boolean engineer = user.has(Role.ENGINEER);
        submit.setVisible(engineer && plan.status() == PlanStatus.DRAFT);
        approve.setVisible(engineer && plan.status() == PlanStatus.PENDING_APPROVAL);
        reject.setVisible(engineer && plan.status() == PlanStatus.PENDING_APPROVAL);
        refresh.setVisible(engineer && plan.status().isOpen());
        boolean ownPlan = user.name().equals(plan.createdBy()) || user.name().equals(plan.submittedBy());
        approve.setEnabled(!ownPlan && !plan.stale());
        approve.setTooltipText(
                ownPlan
                        ? "Four eyes: another engineer must approve a plan you created or submitted"
                        : plan.stale() ? "Refresh the stale plan first" : null);
        return new HorizontalLayout(submit, approve, reject, refresh);
    }

    private void confirmApprove() {
        var dialog = new ConfirmDialog(
                "Approve this plan?",
                "Approving lets the executor start the moves in phase order. Your name is recorded.",
                "Approve",
                e -> act(() -> planning.approve(PlanId.of(id)), "Plan approved"));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void confirmReject() {
        rejectReason.setWidthFull();
        rejectReason.setValue("");
        rejectReason.setPlaceholder("What should the submitter change?");
        var dialog = new ConfirmDialog();
        dialog.setHeader("Reject this plan?");
        dialog.add(rejectReason);
        dialog.setCancelable(true);
        dialog.setConfirmText("Reject");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(
                e -> act(() -> planning.reject(PlanId.of(id), rejectReason.getValue()), "Plan rejected"));
        dialog.open();
    }

    private void act(Runnable action, String done) {
        Actions.run(action, done);
        render();
    }

    private static String describe(PlanDetails p, int dedicatedStamps) {
        return String.format(
                Locale.ROOT,
                "%d move(s), %d dedicated stamp(s) · proposed by %s%s%s · sources: %s",
                p.moves().size(),
                dedicatedStamps,
                p.createdBy(),
                p.submittedBy() == null ? "" : ", submitted by " + p.submittedBy(),
                p.decidedBy() == null
                        ? ""
                        : ", decided by " + p.decidedBy()
                                + (p.decisionReason() == null ? "" : " (" + p.decisionReason() + ")"),
                p.sourceStamps().isEmpty() ? "every triggered stamp" : String.join(", ", p.sourceStamps()));
    }
}
