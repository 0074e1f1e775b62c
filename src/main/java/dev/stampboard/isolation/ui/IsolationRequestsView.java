package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The review queue: every request (a customer: its own), newest first, filtered by state and age. */
@Route("isolation-requests")
@PageTitle("Isolation requests · Stampboard")
@Menu(order = 20, icon = "vaadin:safe-lock", title = "Isolation requests")
@RolesAllowed({Role.VIEWER_NAME, Role.CUSTOMER_NAME})
public class IsolationRequestsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** How long a request has been waiting since it was filed. */
    enum Age {
        ANY("any age", Duration.ZERO),
        OVER_1_DAY("older than 1 day", Duration.ofDays(1)),
        OVER_3_DAYS("older than 3 days", Duration.ofDays(3)),
        OVER_7_DAYS("older than 7 days", Duration.ofDays(7));

        final String label;
        final Duration atLeast;

        Age(String label, Duration atLeast) {
            this.label = label;
            this.atLeast = atLeast;
        }
    }

    final Select<IsolationState> state = new Select<>();
    final Select<Age> age = new Select<>();
    final Button newRequest = new Button("New request", VaadinIcon.PLUS.create());
    final Grid<IsolationRequestDetails> grid = new Grid<>();
    private final IsolationReview review;
    private final Clock clock;

    public IsolationRequestsView(IsolationReview review, CurrentUser user, Clock clock) {
        this.review = review;
        this.clock = clock;
        state.setLabel("State");
        state.setItems(IsolationState.values());
        state.setItemLabelGenerator(
                s -> s == null ? "any" : s.name().replace('_', ' ').toLowerCase(Locale.ROOT));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("any");
        state.addValueChangeListener(e -> refresh());
        age.setLabel("Waiting");
        age.setItems(Age.values());
        age.setItemLabelGenerator(a -> a.label);
        age.setValue(Age.ANY);
        age.addValueChangeListener(e -> refresh());
        newRequest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newRequest.setVisible(user.has(Role.SUPPORT) || user.has(Role.ADMIN) || user.has(Role.CUSTOMER));
        newRequest.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NewIsolationRequestView.class)));
        var bar = new HorizontalLayout(state, age, newRequest);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        boolean staff = !user.has(Role.CUSTOMER);
        grid.setId("isolation-requests");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new RouterLink(
                        r.shortId(), IsolationRequestDetailView.class, new RouteParameters("id", r.id())))
                .setHeader("Request")
                .setKey("id")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> IsolationBadges.state(r.state()))
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(IsolationRequestDetails::customer)
                .setHeader("Customer")
                .setKey("customer")
                .setAutoWidth(true)
                .setVisible(staff);
        grid.addColumn(r -> r.registries().size() == 1
                        ? r.registries().get(0)
                        : r.registries().size() + " registries")
                .setHeader("Registries")
                .setKey("registries")
                .setAutoWidth(true);
        grid.addColumn(IsolationRequestDetails::region)
                .setHeader("Region")
                .setKey("region")
                .setAutoWidth(true);
        grid.addColumn(r -> r.sizing().registryNodes() + " / " + r.sizing().dataproxyNodes() + " nodes, "
                        + r.sizing().storageAccounts() + " SA")
                .setHeader("Sized (registry / dataproxy)")
                .setKey("sizing")
                .setAutoWidth(true);
        grid.addColumn(IsolationRequestDetails::requestedBy)
                .setHeader("Filed by")
                .setKey("requestedBy")
                .setAutoWidth(true);
        grid.addColumn(r -> WHEN.format(r.requestedAt()))
                .setHeader("Filed (UTC)")
                .setKey("requestedAt")
                .setAutoWidth(true);
        grid.addColumn(r -> waiting(Duration.between(r.requestedAt(), clock.instant())))
                .setHeader("Age")
                .setKey("age")
                .setAutoWidth(true);
        grid.addColumn(r -> r.wantedBy().toString())
                .setHeader("Wanted by")
                .setKey("wantedBy")
                .setAutoWidth(true);
        grid.setEmptyStateText("No isolation requests match. Support and customers file them with “New request”.");

        var title = new H1("Isolation requests");
        title.getStyle().set("margin", "0");
        add(title, bar, grid);
        setSizeFull();
        expand(grid);
        refresh();
    }

    void refresh() {
        Age minimum = age.getValue() == null ? Age.ANY : age.getValue();
        List<IsolationRequestDetails> shown = review.list(state.getValue()).stream()
                .filter(r -> !Duration.between(r.requestedAt(), clock.instant())
                                .minus(minimum.atLeast)
                                .isNegative()
                        || minimum == Age.ANY)
                .toList();
        grid.setItems(shown);
    }

    static String waiting(Duration d) {
        if (d.toDays() >= 1) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() >= 1
                ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : Math.max(0, d.toMinutes()) + " min";
    }
}
