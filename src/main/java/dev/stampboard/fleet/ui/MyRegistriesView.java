package dev.stampboard.fleet.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * A customer's own registries. Home stamps are shown because a customer may ask for isolation;
 * the endpoint is the same whatever stamp serves it.
 */
@Route("my-registries")
@PageTitle("My registries · Stampboard")
@Menu(order = 50, icon = "vaadin:archives", title = "My registries")
@RolesAllowed(Role.CUSTOMER_NAME)
public class MyRegistriesView extends VerticalLayout {

    public MyRegistriesView(FleetService fleet, CurrentUser user) {
        String customer = user.restrictedToCustomer().orElse("");
        var grid = new Grid<RegistryInfo>();
        grid.setId("my-registries");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new Anchor("registries/" + r.name(), r.name()))
                .setHeader("Registry")
                .setKey("name")
                .setComparator(RegistryInfo::name)
                .setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(r -> r.replicas().stream()
                        .map(rep -> rep.region() + " → " + rep.homeStamp())
                        .collect(Collectors.joining(", ")))
                .setHeader("Replicas (region → stamp)")
                .setKey("replicas");
        grid.setItems(fleet.registriesOf(customer));
        var name = fleet.customer(customer).map(c -> c.displayName()).orElse(customer);
        add(
                new H1("Registries of " + name),
                new Paragraph("Endpoints never change when a registry moves between stamps."),
                grid);
        setSizeFull();
        expand(grid);
    }
}
