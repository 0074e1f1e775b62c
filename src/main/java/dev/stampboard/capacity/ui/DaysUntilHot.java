package dev.stampboard.capacity.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.stampboard.capacity.CapacityService;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The dashboard's "Days until HOT" column: from each stamp's growth forecast, the first of its pools to cross. */
public final class DaysUntilHot {

    private DaysUntilHot() {}

    /** Adds the column to a grid of stamps ({@code stampName} names a row's stamp). */
    public static <T> Grid.Column<T> addColumn(Grid<T> grid, Function<T, String> stampName, CapacityService capacity) {
        return grid.addColumn(row -> text(capacity.daysUntilHot(stampName.apply(row)), capacity.forecastDays()))
                .setHeader("Days until HOT")
                .setKey("days-until-hot")
                .setSortable(true)
                .setComparator(Comparator.comparingInt(
                        row -> capacity.daysUntilHot(stampName.apply(row)).orElse(Integer.MAX_VALUE)))
                .setTooltipGenerator(row -> "From the growth forecast of the stamp's daily peak P95 (trend and"
                        + " weekly seasonality over the past weeks); 'now' when a pool is HOT")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    static String text(OptionalInt days, int horizon) {
        if (days.isEmpty()) {
            return "> " + horizon;
        }
        return days.getAsInt() == 0 ? "now" : Integer.toString(days.getAsInt());
    }

    static String describe(@Nullable Integer days, int horizon) {
        if (days == null) {
            return "Not forecast HOT within " + horizon + " days.";
        }
        return days == 0 ? "Forecast above the HOT threshold today." : "Forecast HOT in " + days + " days.";
    }
}
