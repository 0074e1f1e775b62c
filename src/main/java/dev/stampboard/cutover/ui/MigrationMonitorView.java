package dev.stampboard.cutover.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.MovePrediction;
import dev.stampboard.cutover.MoveRunDetails;
import dev.stampboard.cutover.MoveState;
import dev.stampboard.cutover.PlanRunDetails;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.planning.PlanId;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One plan's execution live (DESIGN §8 migration monitor): every move's state, drain and validation
 * progress with the simulated time left, verdicts with their evidence, and pause / resume / roll back
 * behind a confirmation.
 */
@Route("migrations/:id")
@PageTitle("Migration · Stampboard")
@RolesAllowed(Role.VIEWER_NAME)
public class MigrationMonitorView extends VerticalLayout implements BeforeEnterObserver {

    private static final int REFRESH_MS = 2000;

    final H1 title = new H1();
    final Span status = new Span();
    final Div banner = new Div();
    final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    final Button resume = new Button("Resume", VaadinIcon.PLAY.create());
    final Button rollback = new Button("Roll back…", VaadinIcon.ARROW_BACKWARD.create());
    final TextArea reason = new TextArea("Reason (for the audit log)");
    final CampaignTimeline timeline = new CampaignTimeline();
    final Grid<MoveRunDetails> moves = new Grid<>();
    private final HorizontalLayout links = new HorizontalLayout();
    private final CutoverService cutover;
    private final Clock clock;
    private final boolean engineer;
    private String planId = "";

    public MigrationMonitorView(CutoverService cutover, CurrentUser user, Clock clock) {
        this.cutover = cutover;
        this.clock = clock;
        this.engineer = user.has(Role.ENGINEER);
        title.getStyle().set("margin", "0");
        banner.setId("banner");
        banner.getStyle()
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-warning-color-10pct)");
        pause.addClickListener(e -> confirm(
                "Pause this plan?",
                "Moves being drained or validated stop where they are;" + " a cutover in progress finishes first.",
                "Pause",
                false,
                () -> cutover.pause(PlanId.of(planId), reason.getValue())));
        resume.addClickListener(e -> confirm(
                "Resume this plan?",
                "A marginal verdict is accepted under your name and" + " the next batch may start.",
                "Resume",
                false,
                () -> cutover.resume(PlanId.of(planId))));
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        rollback.addClickListener(e -> confirm(
                "Roll back the whole plan?",
                "Every move that has cut over goes back"
                        + " to its source stamp, newest first: home stamps and routing as before the plan.",
                "Roll back",
                true,
                () -> cutover.rollback(PlanId.of(planId), reason.getValue())));
        var actions = new HorizontalLayout(pause, resume, rollback);
        var header = new HorizontalLayout(title, status, links);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        moves.setId("moves");
        // long registry names, verdicts and notes wrap (and show whole on hover) instead of "openmindcheckpoints.a…"
        moves.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        moves.addColumn(m -> "P" + m.phase() + " · B" + m.batch())
                .setHeader("Batch")
                .setKey("batch")
                .setAutoWidth(true)
                .setFlexGrow(0);
        moves.addColumn(MoveRunDetails::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setTooltipGenerator(MoveRunDetails::registry);
        moves.addColumn(m -> m.fromStamp() + " → " + m.toStamp())
                .setHeader("Move")
                .setKey("move")
                .setAutoWidth(true);
        moves.addComponentColumn(m -> ExecutionBadges.move(m.state()))
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true);
        moves.addComponentColumn(this::progress)
                .setHeader("Progress (simulated time left)")
                .setKey("progress")
                .setWidth("240px")
                .setFlexGrow(0);
        moves.addComponentColumn(m -> m.verdict() == null ? new Span() : ExecutionBadges.verdict(m.verdict()))
                .setHeader("Verdict")
                .setKey("verdict")
                .setAutoWidth(true)
                .setFlexGrow(0);
        moves.addColumn(m -> m.predictionErrorPp() == null
                        ? ""
                        : String.format(Locale.ROOT, "%+.1f pp", m.predictionErrorPp()))
                .setHeader("Prediction error")
                .setKey("error")
                .setAutoWidth(true);
        moves.addColumn(m -> m.note() == null ? "" : m.note())
                .setHeader("Note")
                .setKey("note")
                .setFlexGrow(2)
                .setWidth("16em")
                .setTooltipGenerator(m -> m.note() == null ? "" : m.note());
        moves.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        moves.setEmptyStateText("This plan has no moves.");

        add(
                header,
                banner,
                actions,
                new H2("Campaign timeline (simulated hours since the start)"),
                timeline,
                new H2("Moves"),
                moves);
        setSizeFull();
        Polling.whileAttached(this, REFRESH_MS, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        planId = event.getRouteParameters().get("id").orElse("");
        boolean started = cutover.run(PlanId.of(planId)).isPresent();
        moves.setVisible(started);
        timeline.setVisible(started);
        if (!started) {
            title.setText("Plan " + planId + " has not been started");
            banner.setVisible(false);
            pause.setVisible(false);
            resume.setVisible(false);
            rollback.setVisible(false);
            return;
        }
        links.removeAll();
        // by route: planning's views are its own, only its services are shared
        links.add(new Anchor("plans/" + planId, "plan"), new Anchor("plans/" + planId + "/report", "outcome report"));
        refresh();
    }

    void refresh() {
        PlanRunDetails run = cutover.run(PlanId.of(planId)).orElse(null);
        if (run == null) {
            return;
        }
        title.setText("Migration " + planId.substring(0, 8));
        status.removeAll();
        status.add(ExecutionBadges.run(run.status()));
        banner.setText(run.reason() == null ? "" : run.reason());
        banner.setVisible(run.reason() != null && !run.status().isFinished());
        pause.setVisible(engineer && run.status() == RunStatus.RUNNING);
        resume.setVisible(engineer && run.status() == RunStatus.PAUSED);
        rollback.setVisible(engineer && (run.status() == RunStatus.RUNNING || run.status() == RunStatus.PAUSED));
        var list = cutover.moves(PlanId.of(planId));
        moves.setItems(list);
        timeline.show(list, run.startedAt(), clock.instant());
    }

    private com.vaadin.flow.component.Component progress(MoveRunDetails m) {
        if (m.progress() == null) {
            return new Span(m.state() == MoveState.COMPLETED ? "done" : "");
        }
        var bar = new ProgressBar(0, 1, m.progress());
        bar.setWidth("110px");
        MoveState stage = m.state() == MoveState.PAUSED ? m.pausedFrom() : m.state();
        var text = new Span((stage == MoveState.DRAINING ? "drain " : "validation ") + left(m.timeLeft()));
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        var cell = new HorizontalLayout(bar, text);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.setSpacing(true);
        return cell;
    }

    private static String left(@Nullable Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = d.toMinutes();
        return minutes >= 60
                ? String.format(Locale.ROOT, "%d h %02d min left", minutes / 60, minutes % 60)
                : d.toSeconds() >= 60 ? minutes + " min left" : d.toSeconds() + " s left";
    }

    private com.vaadin.flow.component.Component details(MoveRunDetails m) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new Span("Baseline before the cutover: p99 "
                + (m.baselineP99Ms() == null ? "n/a" : Math.round(m.baselineP99Ms()) + " ms") + ", "
                + (m.baselineRequests() == null ? "n/a" : Math.round(m.baselineRequests()) + " requests/min")));
        for (MovePrediction p : m.predictions()) {
            box.add(new Span(String.format(
                    Locale.ROOT,
                    "%s %s: before %s, predicted %s, measured %s",
                    p.stamp(),
                    p.pool(),
                    pct(p.before()),
                    pct(p.predicted()),
                    pct(p.measured()))));
        }
        if (m.evidence() != null) {
            box.add(new Pre(m.evidence()));
        }
        return box;
    }

    private static String pct(@Nullable Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    private void confirm(String header, String text, String action, boolean needsReason, Runnable step) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.add(new Span(text));
        reason.setValue("");
        reason.setWidthFull();
        dialog.add(reason);
        dialog.setCancelable(true);
        dialog.setConfirmText(action);
        if (needsReason) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> {
            Actions.run(step, action + ": done");
            refresh();
        });
        dialog.open();
    }
}
