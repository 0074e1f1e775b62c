package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** ECharts {@code legend}; entries default to the series names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Legend(
        @Nullable Boolean show,
        @Nullable String top,
        @Nullable String left,
        @Nullable String orient,
        java.util.@Nullable List<String> data) {

    public Legend(@Nullable Boolean show, @Nullable String top, @Nullable String left, @Nullable String orient) {
        this(show, top, left, orient, null);
    }

    /** Only these series in the legend (e.g. leave out an invisible spacer series). */
    public Legend withData(java.util.List<String> names) {
        return new Legend(show, top, left, orient, java.util.List.copyOf(names));
    }

    /** Top right, so it does not collide with a left-aligned {@link Title}. */
    public static Legend atTop() {
        return new Legend(true, "0", "right", null);
    }

    public static Legend atBottom() {
        return new Legend(true, "bottom", "center", null);
    }

    public static Legend hidden() {
        return new Legend(false, null, null, null);
    }
}
