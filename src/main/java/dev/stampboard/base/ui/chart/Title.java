package dev.stampboard.base.ui.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** ECharts {@code title}. {@code left} is e.g. {@code "center"}, {@code "left"} or {@code "10"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Title(
        String text, @Nullable String subtext, @Nullable String left) {

    public static Title of(String text) {
        return new Title(text, null, null);
    }

    public Title withSubtext(String subtext) {
        return new Title(text, subtext, left);
    }
}
