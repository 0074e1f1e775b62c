package dev.stampboard.planning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Every plan with its status; engineers ask the planner for a new one here. */
@Route("plans")
@PageTitle("Plans · Stampboard")
@Menu(order = 10, icon = "vaadin:road-branches", title = "Plans")
@RolesAllowed(Role.VIEWER_NAME)
public class PlansView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final Select<PlanStatus> status = new Select<>();
    final Select<String> region = new Select<>();
    final Button propose = new Button("Ask the planner", VaadinIcon.MAGIC.create());
    final Grid<PlanDetails> grid = new Grid<>();
    private final PlanningService planning;

    public PlansView(PlanningService planning, FleetService fleet, CurrentUser user) {
        this.planning = planning;
        status.setLabel("Status");
        status.setItems(PlanStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("any");
        status.addValueChangeListener(e -> refresh());
        region.setLabel("Region");
        region.setItems(fleet.regions().stream().map(RegionInfo::name).toList());
        fleet.regions().stream().findFirst().ifPresent(r -> region.setValue(r.name()));
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setVisible(user.has(Role.ENGINEER));
        propose.addClickListener(e -> {
            PlanDetails plan = planning.propose(region.getValue(), java.util.List.of(), null);
            Notification.show(
                            "Plan proposed: " + plan.moves().size() + " moves, "
                                    + plan.isolations().size() + " isolations",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(PlanReviewView.class, new RouteParameters("id", plan.id())));
        });
        var bar = new HorizontalLayout(status, region, propose);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("plans");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(p ->
                        new RouterLink(p.id().substring(0, 8), PlanReviewView.class, new RouteParameters("id", p.id())))
                .setHeader("Plan")
                .setKey("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> PlanBadges.status(p.status(), p.stale()))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        grid.addColumn(PlanDetails::region).setHeader("Region").setKey("region").setAutoWidth(true);
        grid.addColumn(p -> p.moves().size()).setHeader("Moves").setKey("moves").setAutoWidth(true);
        grid.addColumn(p -> p.isolations().size())
                .setHeader("Isolations")
                .setKey("isolations")
                .setAutoWidth(true);
        grid.addColumn(PlanDetails::createdBy)
                .setHeader("Proposed by")
                .setKey("createdBy")
                .setAutoWidth(true);
        grid.addColumn(p -> WHEN.format(p.createdAt()))
                .setHeader("Created (UTC)")
                .setKey("created")
                .setAutoWidth(true);
        grid.addColumn(p -> p.decidedBy() == null ? "" : p.decidedBy())
                .setHeader("Decided by")
                .setKey("decidedBy")
                .setAutoWidth(true);
        grid.setEmptyStateText("No plans yet. An engineer can ask the planner for one.");

        var title = new H1("Plans");
        title.getStyle().set("margin", "0");
        add(title, bar, grid);
        setSizeFull();
        expand(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(planning.list(status.getValue()));
    }
}
