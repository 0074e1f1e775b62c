package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.dashboard.RegistryOnStamp;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The registries a stamp serves, with their load share and reactive signals. */
class StampRegistriesGrid extends Grid<RegistryOnStamp> {

    StampRegistriesGrid(List<RegistryOnStamp> rows) {
        setId("registries");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(r -> new RouterLink(
                        r.registry(), RegistryDetailView.class, new RouteParameters("name", r.registry())))
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setComparator(RegistryOnStamp::registry)
                .setSortable(true);
        addColumn(RegistryOnStamp::customer)
                .setHeader("Customer")
                .setKey("customer")
                .setAutoWidth(true)
                .setSortable(true);
        number("requests", "Requests", r -> r.requestShare() * 100, "%.1f %%");
        number("bytes", "Bytes", r -> r.byteShare() * 100, "%.1f %%");
        number("throttling", "Throttled", r -> r.throttlingRate() == null ? null : r.throttlingRate() * 100, "%.2f %%");
        number("p99", "p99 latency", RegistryOnStamp::latestP99Ms, "%.0f ms");
        setItems(rows);
        setHeight("420px");
    }

    private void number(String key, String header, Function<RegistryOnStamp, @Nullable Double> value, String format) {
        addColumn(r -> {
                    Double v = value.apply(r);
                    return v == null ? "—" : String.format(Locale.ROOT, format, v);
                })
                .setHeader(header)
                .setKey(key)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setSortable(true)
                .setComparator(Comparator.comparing(r -> {
                    Double v = value.apply(r);
                    return v == null ? -1 : v;
                }));
    }
}
