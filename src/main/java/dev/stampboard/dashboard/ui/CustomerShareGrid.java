package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import dev.stampboard.dashboard.CustomerShare;
import java.util.List;
import java.util.Locale;

/** Traffic share per customer (largest first), each customer's registries beneath it. */
class CustomerShareGrid extends TreeGrid<CustomerShareGrid.Row> {

    record Row(String name, double registryShare, double dataproxyShare, boolean customer) {}

    CustomerShareGrid(List<CustomerShare> shares) {
        setId("customer-share");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addHierarchyColumn(Row::name)
                .setHeader("Customer · registry")
                .setKey("name")
                .setFlexGrow(1);
        addColumn(r -> pct(r.registryShare()))
                .setHeader("Registry pool (requests)")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(r -> pct(r.dataproxyShare()))
                .setHeader("Dataproxy pool (bytes)")
                .setKey("dataproxy")
                .setAutoWidth(true)
                .setFlexGrow(0);
        TreeData<Row> data = new TreeData<>();
        for (CustomerShare c : shares) {
            Row parent = new Row(c.customer(), c.registryShare(), c.dataproxyShare(), true);
            data.addItem(null, parent);
            c.registries()
                    .forEach(r ->
                            data.addItem(parent, new Row(r.registry(), r.registryShare(), r.dataproxyShare(), false)));
        }
        setDataProvider(new TreeDataProvider<>(data));
        // the three largest customers open, so the registries that make the heat show without a click
        expand(shares.stream()
                .limit(3)
                .map(c -> new Row(c.customer(), c.registryShare(), c.dataproxyShare(), true))
                .toList());
        setAllRowsVisible(true);
        setEmptyStateText("No traffic yet on this stamp");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
