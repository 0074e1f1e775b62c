package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.stampboard.dashboard.OpenPlan;
import dev.stampboard.planning.PlanStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The region's plans that wait for someone, each linked to its review: an approver sees at once that a
 * plan awaits them. Plans are linked by route, so the dashboard does not depend on planning's views.
 */
class OpenPlansPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Div rows = new Div();
    private final Paragraph empty =
            new Paragraph("No open plans: nothing waits for approval, to start or is running here.");
    private List<OpenPlan> shown = List.of();
    private String shownFor = "";

    OpenPlansPanel() {
        setId("open-plans");
        setPadding(false);
        setSpacing(false);
        rows.addClassName("open-plans");
        add(new H2("Open plans"), empty, rows);
    }

    /** Redraws only when a plan changed, so a 5 s refresh sends nothing when nothing happened. */
    void show(List<OpenPlan> plans, String user, boolean engineer) {
        String key = user + engineer;
        if (plans.equals(shown) && key.equals(shownFor)) {
            return;
        }
        shown = plans;
        shownFor = key;
        rows.removeAll();
        empty.setVisible(plans.isEmpty());
        for (OpenPlan p : plans) {
            var link = new Anchor("plans/" + p.id(), "Plan " + p.id().substring(0, 8));
            var row = new Div(
                    link,
                    badge(p),
                    new Span(String.format(
                            Locale.ROOT,
                            "%d move(s)%s · by %s · %s UTC",
                            p.moves(),
                            p.dedicatedStamps() == 0 ? "" : ", " + p.dedicatedStamps() + " dedicated stamp(s)",
                            p.submittedBy() == null ? p.createdBy() : p.submittedBy(),
                            WHEN.format(p.createdAt()))));
            if (engineer && p.status() == PlanStatus.PENDING_APPROVAL && !user.equals(p.submittedBy())) {
                var yours = new Span(p.stale() ? "awaits your approval · refresh it first" : "awaits your approval");
                yours.getElement().getThemeList().add("badge primary");
                yours.addClassName("awaits-you");
                row.add(yours);
            }
            row.addClassName("open-plan");
            row.getElement().setAttribute("data-plan", p.id());
            row.getStyle()
                    .set("display", "flex")
                    .set("gap", "var(--lumo-space-m)")
                    .set("flex-wrap", "wrap")
                    .set("align-items", "baseline")
                    .set("padding", "var(--lumo-space-xs) 0");
            rows.add(row);
        }
    }

    int size() {
        return shown.size();
    }

    private static Span badge(OpenPlan p) {
        String text = switch (p.status()) {
                    case PENDING_APPROVAL -> "pending approval";
                    case APPROVED -> "approved · ready to start";
                    case IN_PROGRESS -> "running";
                    default -> p.status().name().toLowerCase(Locale.ROOT);
                }
                + (p.stale() ? " · stale" : "");
        var badge = new Span(text);
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (p.status()) {
                            case PENDING_APPROVAL -> p.stale() ? "warning" : "contrast";
                            case APPROVED -> "success";
                            default -> "";
                        });
        badge.getElement().setAttribute("data-status", p.status().name());
        return badge;
    }
}
