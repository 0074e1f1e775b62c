package dev.stampboard.capacity.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.InputLimits;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.base.ui.TextPrompt;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.change.CapacityChangeState;
import dev.stampboard.capacity.change.ChangeStep;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;

/**
 * One capacity change live: what changes and why, who decided, the prediction against what is measured, the
 * validation's progress in simulated time, the verdict's evidence and the step journal; approve / reject / start /
 * roll back for engineers (never approving their own). Refreshes itself while open.
 */
@Route("capacity/changes/:id")
@PageTitle("Capacity change · Stampboard")
@RolesAllowed(Role.VIEWER_NAME)
public class CapacityChangeView extends VerticalLayout implements BeforeEnterObserver {

    final H1 title = new H1();
    final Div state = new Div();
    final Paragraph summary = new Paragraph();
    final Paragraph prediction = new Paragraph();
    final Paragraph progress = new Paragraph();
    final Paragraph evidence = new Paragraph();
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject…");
    final Button start = new Button("Start…");
    final Button rollback = new Button("Roll back…");
    final Grid<ChangeStep> steps = new Grid<>();
    final ChangeChart chart = new ChangeChart();
    private final CapacityChangeService changes;
    private final SignalsService signals;
    private final Clock clock;
    private String id = "";

    public CapacityChangeView(CapacityChangeService changes, SignalsService signals, Clock clock) {
        this.changes = changes;
        this.signals = signals;
        this.clock = clock;
        title.getStyle().set("margin", "0");
        summary.setId("summary");
        prediction.setId("prediction");
        progress.setId("progress");
        evidence.setId("evidence");
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> act(() -> changes.approve(id), "Approved"));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(e -> new TextPrompt(
                        "Reject this capacity change?",
                        "Reason",
                        "What the proposer should know",
                        "Reject",
                        true,
                        InputLimits.TEXT,
                        "A reason is required",
                        why -> act(() -> changes.reject(id, why), "Rejected"))
                .open());
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> confirmStart());
        rollback.setId("rollback");
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        rollback.addClickListener(e -> new TextPrompt(
                        "Roll this capacity change back?",
                        "Reason",
                        "Why the pool goes back to its old size",
                        "Roll back",
                        true,
                        InputLimits.TEXT,
                        "A reason is required",
                        why -> act(() -> changes.rollback(id, why), "Rolling back"))
                .open());

        steps.setId("steps");
        steps.addThemeVariants(GridVariant.LUMO_COMPACT);
        steps.setAllRowsVisible(true);
        steps.addColumn(ChangeStep::step).setHeader("Step").setAutoWidth(true);
        steps.addColumn(s -> s.at() == null ? "" : CapacityChangesView.WHEN.format(s.at()))
                .setHeader("At (UTC, simulated)")
                .setAutoWidth(true);
        steps.addColumn(ChangeStep::executor).setHeader("By").setAutoWidth(true);
        steps.addColumn(s -> s.detail() == null ? "" : s.detail())
                .setHeader("Detail")
                .setFlexGrow(3);

        var header = new HorizontalLayout(title, state);
        header.setAlignItems(Alignment.CENTER);
        add(
                header,
                summary,
                new HorizontalLayout(approve, reject, start, rollback),
                new H2("Prediction and validation"),
                prediction,
                progress,
                evidence,
                chart,
                new H2("Steps"),
                steps);
        Polling.whileAttached(this, 2000, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        refresh();
    }

    void refresh() {
        CapacityChangeDetails c = changes.get(id);
        title.setText("Capacity change " + c.id().substring(0, 8));
        state.removeAll();
        state.add(ChangeBadges.state(c.state()));
        summary.setText(String.format(
                Locale.ROOT,
                "%s %s pool: %d → %d instances, minimum %d → %d (%s). %s — proposed by %s%s%s%s.",
                c.stamp(),
                c.pool().name().toLowerCase(Locale.ROOT),
                c.resize().fromInstances(),
                c.resize().toInstances(),
                c.resize().fromMinimum(),
                c.resize().toMinimum(),
                c.isScaleIn() ? "scale-in" : "scale-out",
                c.reason(),
                c.proposedBy(),
                c.recommendation() == null ? "" : " from recommendation " + c.recommendation(),
                c.decidedBy() == null
                        ? ""
                        : (c.state() == CapacityChangeState.REJECTED ? ", rejected by " : ", approved by ")
                                + c.decidedBy()
                                + (c.decisionReason() == null ? "" : " (" + c.decisionReason() + ")"),
                c.startedBy() == null ? "" : ", started by " + c.startedBy()));
        double target = changes.target();
        prediction.setText(String.format(
                Locale.ROOT,
                "Hot-node P95 when proposed %s; predicted at %d instances %s; measured %s; target %.1f %%%s",
                CapacityChangesView.p95(c.beforeP95()),
                c.resize().toInstances(),
                CapacityChangesView.p95(c.predictedP95()),
                CapacityChangesView.p95(c.measuredP95()),
                target,
                c.predictionErrorPp() == null
                        ? "."
                        : String.format(Locale.ROOT, "; prediction error %+.1f pp.", c.predictionErrorPp())));
        progress.setText(progressText(c));
        evidence.setText((c.evidence() == null ? "" : "Verdict " + c.verdict() + ": " + c.evidence() + ". ")
                + (c.revertReason() == null ? "" : c.revertReason()));
        boolean engineer = changes.isEngineer();
        approve.setVisible(changes.mayDecide(c));
        reject.setVisible(engineer && c.state() == CapacityChangeState.PROPOSED);
        start.setVisible(engineer && c.state() == CapacityChangeState.APPROVED);
        rollback.setVisible(engineer
                && EnumSet.of(
                                CapacityChangeState.APPLYING,
                                CapacityChangeState.VALIDATING,
                                CapacityChangeState.FAILED,
                                CapacityChangeState.COMPLETED)
                        .contains(c.state()));
        chart.show(c, signals.hotNodeSeries(c.stamp(), c.pool(), null, null), target);
        steps.setItems(changes.steps(id));
    }

    private String progressText(CapacityChangeDetails c) {
        return switch (c.state()) {
            case PROPOSED -> "Waiting for another engineer's approval.";
            case APPROVED -> "Approved; waiting for an engineer to start it.";
            case APPLYING -> "Resizing the pool.";
            case VALIDATING -> {
                Duration left = Duration.between(clock.instant(), c.validateUntil());
                yield String.format(
                        Locale.ROOT,
                        "Validating since %s UTC: %d h %02d min left (simulated). It fails, and a scale-in is reverted,"
                                + " when the hot-node P95 since the change goes above target or a reactive signal fires.",
                        CapacityChangesView.WHEN.format(c.appliedAt()),
                        Math.max(0, left.toHours()),
                        Math.max(0, left.toMinutesPart()));
            }
            case COMPLETED -> "Validated " + CapacityChangesView.WHEN.format(c.stateSince()) + " UTC.";
            case FAILED -> "Validation failed; the pool keeps its new size until an engineer rolls it back.";
            case REVERTING -> "Giving the pool its old size back.";
            case REVERTED ->
                "Reverted " + CapacityChangesView.WHEN.format(c.stateSince()) + " UTC: the pool is back at "
                        + c.resize().fromInstances() + " instances.";
            case REJECTED -> "Rejected.";
        };
    }

    private void confirmStart() {
        var dialog = new ConfirmDialog();
        dialog.setHeader("Start this capacity change?");
        dialog.add(new Span("The pool is resized on the executor's next pass, then watched for 24 h."));
        dialog.setCancelable(true);
        dialog.setConfirmText("Start");
        dialog.addConfirmListener(e -> act(() -> changes.start(id), "Started"));
        dialog.open();
    }

    private boolean act(Runnable action, String done) {
        boolean ok = Actions.run(action, done);
        refresh();
        return ok;
    }
}
