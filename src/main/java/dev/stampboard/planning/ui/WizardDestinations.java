package dev.stampboard.planning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.RejectedAlternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 3: per registry, the suggested destination and the valid alternatives to pick from (a
 * shared stamp that stays at or below target, or a dedicated stamp); every other stamp is listed
 * with the reason it cannot take the registry.
 */
final class WizardDestinations {

    record Row(String registry, String from, String chosen, List<String> options, String refused) {}

    private WizardDestinations() {}

    static Grid<Row> grid(Plan preview, Map<String, String> destinations, Runnable changed) {
        List<Row> rows = new ArrayList<>();
        preview.moves()
                .forEach(m -> rows.add(
                        row(m.registry(), m.from(), m.to(), m.explanation().rejected())));
        preview.isolation()
                .forEach(i -> rows.add(new Row(
                        i.registry(), i.from(), PlanChoices.DEDICATED, List.of(PlanChoices.DEDICATED), i.reason())));
        var grid = new Grid<Row>();
        grid.setId("destinations");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Row::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Row::from)
                .setHeader("From")
                .setKey("from")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> {
                    var select = new Select<String>();
                    select.setItems(r.options());
                    select.setValue(r.chosen());
                    select.setAriaLabel("Destination of " + r.registry());
                    select.addValueChangeListener(e -> {
                        if (e.isFromClient() || e.getValue() != null) {
                            destinations.put(r.registry(), e.getValue());
                            changed.run();
                        }
                    });
                    return select;
                })
                .setHeader("Destination")
                .setKey("destination")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> new Span(r.refused()))
                .setHeader("Why not elsewhere")
                .setKey("refused")
                .setFlexGrow(1);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Row row(String registry, String from, String to, List<RejectedAlternative> rejected) {
        List<String> options = new ArrayList<>();
        options.add(to);
        rejected.stream()
                .filter(RejectedAlternative::fits)
                .map(RejectedAlternative::stamp)
                .forEach(options::add);
        options.add(PlanChoices.DEDICATED);
        String refused = String.join(
                "; ",
                rejected.stream()
                        .filter(r -> !r.fits())
                        .map(r -> r.stamp() + ": " + r.reason())
                        .toList());
        return new Row(registry, from, to, options, refused.isEmpty() ? "—" : refused);
    }
}
