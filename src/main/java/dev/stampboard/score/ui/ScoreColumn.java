package dev.stampboard.score.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.SortDirection;
import dev.stampboard.score.ScoreService;
import dev.stampboard.score.StampScore;
import dev.stampboard.score.engine.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stamp score as a grid column: a badge 0–100 (red at or above the operating score), highest first by default,
 * sortable, second after the stamp's name. A grid of stamps adds it with one line.
 */
public final class ScoreColumn {

    public static final String KEY = "score";

    private ScoreColumn() {}

    public static <T> Grid.Column<T> addTo(Grid<T> grid, Function<T, String> stampOf, ScoreService scores) {
        Grid.Column<T> column = grid.addComponentColumn(
                        item -> badge(scores.scoreOf(stampOf.apply(item)), scores.operatingScore()))
                .setHeader("Score")
                .setKey(KEY)
                .setSortable(true)
                .setComparator(Comparator.comparingDouble(
                        item -> scores.score(stampOf.apply(item)).orElse(-1)))
                .setTooltipGenerator(item -> tooltip(scores.scoreOf(stampOf.apply(item)), scores))
                .setWidth("7em") // the header and its sort arrow: an automatic width cut it to "Sc…" beside a 3-digit
                // badge
                .setFlexGrow(0);
        List<Grid.Column<T>> order = new ArrayList<>(grid.getColumns());
        order.remove(column);
        order.add(Math.min(1, order.size()), column);
        grid.setColumnOrder(order);
        grid.sort(List.of(new GridSortOrder<>(column, SortDirection.DESCENDING)));
        return column;
    }

    static Span badge(Optional<StampScore> score, double operatingScore) {
        if (score.isEmpty()) {
            Span none = new Span("—");
            none.getElement().setAttribute("title", "No score yet: no model is active");
            return none;
        }
        double value = score.get().score();
        Span badge = new Span(String.format(Locale.ROOT, "%.0f", value));
        String theme =
                value >= operatingScore ? "badge error" : value >= operatingScore / 2 ? "badge" : "badge success";
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.getStyle().set("min-width", "2.5em").set("justify-content", "center");
        return badge;
    }

    static String tooltip(Optional<StampScore> score, ScoreService scores) {
        if (score.isEmpty()) {
            return "No score yet: no score model is active";
        }
        StampScore s = score.get();
        String top = s.breakdown().stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> -c.contribution()))
                .limit(2)
                .map(c -> c.feature().label())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return String.format(
                Locale.ROOT,
                "%.0f %% probability of an incident within %d h (model v%d); raised most by %s",
                s.score(),
                scores.horizonHours(),
                s.version(),
                top);
    }
}
