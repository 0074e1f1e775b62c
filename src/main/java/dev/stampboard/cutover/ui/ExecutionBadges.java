package dev.stampboard.cutover.ui;

import com.vaadin.flow.component.html.Span;
import dev.stampboard.cutover.MoveState;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.cutover.Verdict;

/** Lumo badges for execution states and verdicts, with the raw value in a data attribute for tests. */
final class ExecutionBadges {

    private ExecutionBadges() {}

    static Span run(RunStatus status) {
        return badge(
                status.name(),
                switch (status) {
                    case RUNNING -> "";
                    case PAUSED -> "warning";
                    case ROLLING_BACK, ROLLED_BACK -> "error";
                    case COMPLETED -> "success";
                });
    }

    static Span move(MoveState state) {
        return badge(
                state.name(),
                switch (state) {
                    case COMPLETED -> "success";
                    case CUTTING_OVER, DRAINING, VALIDATING -> "";
                    case PAUSED -> "warning";
                    case FAILED, ROLLING_BACK, ROLLED_BACK -> "error";
                    case PLANNED, APPROVED -> "contrast";
                });
    }

    static Span verdict(Verdict verdict) {
        return badge(
                verdict.name(),
                switch (verdict) {
                    case PASS -> "success";
                    case MARGINAL -> "warning";
                    case FAIL -> "error";
                });
    }

    private static Span badge(String value, String theme) {
        var badge = new Span(value.replace('_', ' ').toLowerCase());
        badge.getElement().getThemeList().add(("badge " + theme).trim());
        badge.getElement().setAttribute("data-value", value);
        return badge;
    }
}
