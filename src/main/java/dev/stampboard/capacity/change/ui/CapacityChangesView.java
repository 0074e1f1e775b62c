package dev.stampboard.capacity.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every capacity change, newest first, with its state and outcome; engineers propose new ones from here. */
@Route("capacity/changes")
@PageTitle("Capacity changes · Stampboard")
@Menu(order = 31, icon = "vaadin:resize-h", title = "Capacity changes")
@RolesAllowed(Role.VIEWER_NAME)
public class CapacityChangesView extends VerticalLayout {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final Grid<CapacityChangeDetails> changes = new Grid<>();
    final Button propose = new Button("Propose change…", VaadinIcon.PLUS.create());
    private final CapacityChangeService service;

    public CapacityChangesView(CapacityChangeService service) {
        this.service = service;
        changes.setId("changes");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        changes.addComponentColumn(c -> new RouterLink(
                        c.id().substring(0, 8), CapacityChangeView.class, new RouteParameters("id", c.id())))
                .setHeader("Change")
                .setKey("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        changes.addComponentColumn(c -> ChangeBadges.state(c.state()))
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true);
        changes.addColumn(c -> c.stamp() + " " + c.pool().name().toLowerCase(Locale.ROOT))
                .setHeader("Pool")
                .setKey("pool")
                .setAutoWidth(true);
        changes.addColumn(c -> c.resize().fromInstances() + " → " + c.resize().toInstances() + " (min "
                        + c.resize().fromMinimum() + " → " + c.resize().toMinimum() + ")")
                .setHeader("Instances")
                .setKey("size")
                .setAutoWidth(true);
        changes.addColumn(c -> p95(c.predictedP95()) + " / " + p95(c.measuredP95()))
                .setHeader("P95 predicted / measured")
                .setKey("p95")
                .setAutoWidth(true);
        changes.addColumn(c -> c.proposedBy() + " · " + WHEN.format(c.proposedAt()))
                .setHeader("Proposed (UTC, simulated)")
                .setAutoWidth(true);
        changes.addColumn(c -> c.origin().name().toLowerCase(Locale.ROOT)
                        + (c.recommendation() == null ? "" : " · " + c.recommendation()))
                .setHeader("From")
                .setKey("origin")
                .setFlexGrow(2);
        changes.setEmptyStateText("No capacity change yet. Propose one, or start from a recommendation.");

        propose.setId("propose");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setVisible(service.isEngineer());
        propose.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProposeCapacityChangeView.class)));

        var title = new H1("Capacity changes");
        title.getStyle().set("margin", "0");
        var header = new HorizontalLayout(title, propose);
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        add(header, changes);
        setSizeFull();
        Polling.whileAttached(this, 2000, this::refresh);
        refresh();
    }

    static String p95(@org.jspecify.annotations.Nullable Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    void refresh() {
        changes.setItems(service.list());
    }
}
