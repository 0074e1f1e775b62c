package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.dashboard.RegistryDetailService;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One registry: its customer, replicas and their home stamps, home-stamp history, and per replica the
 * traffic, latency and throttling over the peak window. Customers open only their own registries.
 */
@Route("registries/:name")
@RolesAllowed({Role.VIEWER_NAME, Role.CUSTOMER_NAME})
public class RegistryDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistryDetailService detail;
    private String title = "Registry · Stampboard";

    public RegistryDetailView(RegistryDetailService detail) {
        this.detail = detail;
        setMaxWidth("1600px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        detail.visibleRegistry(name).ifPresentOrElse(this::show, () -> {
            title = "Registry not found · Stampboard";
            boolean staff = detail.mayOpenStamps();
            add(new NotFound(
                    "Registry '" + name + "' not found",
                    staff ? "Back to the fleet" : "Back to my registries",
                    staff ? "" : "my-registries"));
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(RegistryInfo registry) {
        title = registry.name() + " · Stampboard";
        boolean staff = detail.mayOpenStamps();
        var name = new H1(registry.name());
        name.addClassNames(LumoUtility.Margin.NONE);
        var customer = new Span("Customer " + detail.customerDisplayName(registry) + " (" + registry.customer() + ")");
        customer.setId("customer");
        customer.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(name, customer);

        List<ReplicaInfo> replicas = detail.replicasHomeFirst(registry);
        add(section("Replicas"), replicasGrid(replicas, staff));
        if (staff) {
            // DESIGN §1: customers never see a move; their endpoint is all they need
            add(
                    section("Home-stamp history"),
                    new Paragraph("The endpoint never changes when a replica moves between stamps."),
                    new HomeStampChangesGrid("history", detail.history(registry), false));
        }
        for (int i = 0; i < replicas.size(); i++) {
            add(new ReplicaCharts(detail.replicaSeries(registry, replicas.get(i)), i == 0, staff));
        }
    }

    private static Grid<ReplicaInfo> replicasGrid(List<ReplicaInfo> replicas, boolean linkStamps) {
        var grid = new Grid<ReplicaInfo>();
        grid.setId("replicas");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ReplicaInfo::region).setHeader("Region").setKey("region").setAutoWidth(true);
        grid.addComponentColumn(r -> linkStamps
                        ? new RouterLink(
                                r.homeStamp(), StampDetailView.class, new RouteParameters("name", r.homeStamp()))
                        : new Span(r.homeStamp()))
                .setHeader("Home stamp")
                .setKey("homeStamp")
                .setFlexGrow(1);
        grid.setItems(replicas);
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("640px");
        return grid;
    }

    private static H2 section(String text) {
        var h = new H2(text);
        h.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        return h;
    }
}
