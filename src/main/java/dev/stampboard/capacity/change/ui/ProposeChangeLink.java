package dev.stampboard.capacity.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import dev.stampboard.fleet.PoolKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Propose change" on a recommendation: opens {@link ProposeCapacityChangeView} prefilled with the pool, the
 * recommended size and minimum, the recommendation's predicted P95 and its reason. For the capacity page's rows.
 */
public final class ProposeChangeLink {

    /** The route of {@link ProposeCapacityChangeView}. */
    static final String ROUTE = "capacity/changes/new";

    private ProposeChangeLink() {}

    public static Button button(
            String stamp, PoolKind pool, int toInstances, int toMinimum, double predictedP95, String reason) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("stamp", List.of(stamp));
        q.put("pool", List.of(pool.name()));
        q.put("to", List.of(String.valueOf(toInstances)));
        q.put("min", List.of(String.valueOf(toMinimum)));
        q.put("predicted", List.of(String.format(Locale.ROOT, "%.1f", predictedP95)));
        q.put("recommendation", List.of(stamp + " " + pool.name().toLowerCase(Locale.ROOT) + " → " + toInstances));
        q.put("reason", List.of(reason));
        var button = new Button("Propose change", VaadinIcon.RESIZE_H.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("propose-" + stamp + "-" + pool.name().toLowerCase(Locale.ROOT));
        // the UI of the click (a grid cell's button may be rendered apart from the UI's tree)
        button.addClickListener(e -> com.vaadin.flow.component.UI.getCurrent().navigate(ROUTE, new QueryParameters(q)));
        return button;
    }
}
