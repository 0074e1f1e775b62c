package dev.stampboard.cutover.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.PlanRunDetails;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The migration monitor's front page: approved plans waiting to be started, and every execution with
 * its progress. Refreshes itself while open.
 */
@Route("migrations")
@PageTitle("Migrations · Stampboard")
@Menu(order = 11, icon = "vaadin:exchange", title = "Migrations")
@RolesAllowed(Role.VIEWER_NAME)
public class MigrationsView extends VerticalLayout {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int REFRESH_MS = 2000;

    final Grid<PlanDetails> ready = new Grid<>();
    final Grid<PlanRunDetails> runs = new Grid<>();
    final Checkbox autoRollback = new Checkbox("Roll back automatically when a validation fails");
    private final CutoverService cutover;
    private final PlanningService planning;
    private final boolean engineer;

    public MigrationsView(CutoverService cutover, PlanningService planning, CurrentUser user) {
        this.cutover = cutover;
        this.planning = planning;
        this.engineer = user.has(Role.ENGINEER);

        ready.setId("ready");
        ready.addThemeVariants(GridVariant.LUMO_COMPACT);
        ready.setAllRowsVisible(true);
        ready.addColumn(p -> p.id().substring(0, 8))
                .setHeader("Plan")
                .setAutoWidth(true)
                .setFlexGrow(0);
        ready.addColumn(PlanDetails::region).setHeader("Region").setAutoWidth(true);
        ready.addColumn(p -> p.moves().size()).setHeader("Moves").setAutoWidth(true);
        ready.addColumn(p -> p.decidedBy() == null ? "" : p.decidedBy())
                .setHeader("Approved by")
                .setAutoWidth(true);
        ready.addComponentColumn(this::startButton)
                .setHeader("")
                .setKey("start")
                .setAutoWidth(true);
        ready.setEmptyStateText("No approved plan is waiting to be started.");

        runs.setId("runs");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.addComponentColumn(r -> new RouterLink(
                        r.planId().substring(0, 8), MigrationMonitorView.class, new RouteParameters("id", r.planId())))
                .setHeader("Plan")
                .setKey("plan")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addComponentColumn(r -> ExecutionBadges.run(r.status()))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        runs.addColumn(PlanRunDetails::region).setHeader("Region").setAutoWidth(true);
        runs.addColumn(r -> r.completed() + " / " + r.moves()
                        + (r.rolledBack() > 0 ? " · " + r.rolledBack() + " rolled back" : ""))
                .setHeader("Moves done")
                .setKey("progress")
                .setAutoWidth(true);
        runs.addColumn(r -> r.startedBy() + " · " + WHEN.format(r.startedAt()))
                .setHeader("Started (UTC, simulated)")
                .setAutoWidth(true);
        runs.addColumn(r -> r.reason() == null ? "" : r.reason())
                .setHeader("Why it waits")
                .setKey("reason")
                .setFlexGrow(3);
        runs.setEmptyStateText("Nothing has been executed yet.");

        var title = new H1("Migrations");
        title.getStyle().set("margin", "0");
        add(title, new H2("Approved, ready to start"), ready, new H2("Executions"), runs);
        setSizeFull();
        Polling.whileAttached(this, REFRESH_MS, this::refresh);
        refresh();
    }

    private Button startButton(PlanDetails plan) {
        var start = new Button("Start…", VaadinIcon.PLAY.create(), e -> confirmStart(plan));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        start.setVisible(engineer);
        start.setId("start-" + plan.id().substring(0, 8));
        return start;
    }

    private void confirmStart(PlanDetails plan) {
        autoRollback.setValue(false);
        var dialog = new ConfirmDialog();
        dialog.setHeader("Start executing plan " + plan.id().substring(0, 8) + "?");
        dialog.add(
                new Paragraph(plan.moves().size() + " moves in phase order; each batch starts only when the previous"
                        + " one passed validation. Customers' endpoints do not change."),
                autoRollback);
        dialog.setCancelable(true);
        dialog.setConfirmText("Start");
        dialog.addConfirmListener(e -> {
            if (Actions.run(() -> cutover.start(plan.planId(), autoRollback.getValue()), "Execution started")) {
                getUI().ifPresent(ui -> ui.navigate(MigrationMonitorView.class, new RouteParameters("id", plan.id())));
            } else {
                refresh();
            }
        });
        dialog.open();
    }

    void refresh() {
        ready.setItems(planning.list(PlanStatus.APPROVED));
        runs.setItems(cutover.runs());
    }
}
