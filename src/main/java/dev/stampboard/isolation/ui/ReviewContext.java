package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.isolation.IsolationContext;
import dev.stampboard.planning.IsolationAdvice;
import dev.stampboard.signals.StampSignals;
import java.util.Locale;

/**
 * What a reviewer weighs beside the request: the signal engine's recommendation per registry, each
 * registry's share of its home stamp, and the customer's current stamps with their hot-node P95.
 */
class ReviewContext extends VerticalLayout {

    final Grid<IsolationAdvice> advice = new Grid<>();
    final Grid<IsolationContext.RegistryShare> shares = new Grid<>();
    final Grid<StampSignals> stamps = new Grid<>();

    ReviewContext(IsolationContext context) {
        setPadding(false);
        long recommended = context.advice().stream()
                .filter(IsolationAdvice::dedicatedRecommended)
                .count();
        long isolated = context.advice().stream()
                .filter(IsolationAdvice::alreadyIsolated)
                .count();
        var verdict = new Paragraph(
                isolated > 0
                        ? isolated + " of " + context.advice().size()
                                + " registries already run on their dedicated stamp: " + "nothing to isolate for "
                                + (isolated == 1 ? "it" : "them") + "."
                        : recommended == context.advice().size() && recommended > 0
                                ? "The planner would also recommend a dedicated stamp for every requested registry."
                                : recommended > 0
                                        ? "The planner would recommend a dedicated stamp for " + recommended + " of "
                                                + context.advice().size()
                                                + " registries; shared stamps could take the others."
                                        : "The planner would not isolate these registries now: shared stamps can take them.");
        verdict.setId("recommendation");
        verdict.getElement()
                .getThemeList()
                .add("badge " + (isolated > 0 ? "error" : recommended > 0 ? "success" : "warning"));
        verdict.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");

        compact(advice, "advice");
        advice.addColumn(IsolationAdvice::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(0);
        advice.addColumn(a -> a.alreadyIsolated()
                        ? "already isolated"
                        : a.dedicatedRecommended()
                                ? "dedicated stamp"
                                : a.destination() == null ? "stay" : "move to " + a.destination())
                .setHeader("Planner says")
                .setKey("verdict")
                .setAutoWidth(true)
                .setFlexGrow(0);
        advice.addColumn(IsolationAdvice::explanation)
                .setHeader("Why")
                .setKey("why")
                .setFlexGrow(1);
        advice.setItems(context.advice());

        compact(shares, "shares");
        shares.addColumn(IsolationContext.RegistryShare::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true);
        shares.addComponentColumn(s -> new Anchor("stamps/" + s.homeStamp(), s.homeStamp()))
                .setHeader("Home stamp")
                .setKey("home")
                .setAutoWidth(true);
        shares.addColumn(s -> pct(s.requestShare()))
                .setHeader("Share of requests (registry pool)")
                .setKey("requests")
                .setAutoWidth(true);
        shares.addColumn(s -> pct(s.byteShare()))
                .setHeader("Share of bytes (dataproxy pool)")
                .setKey("bytes")
                .setAutoWidth(true);
        shares.setItems(context.shares());

        compact(stamps, "stamps");
        stamps.addComponentColumn(
                        s -> new Anchor("stamps/" + s.stamp().name(), s.stamp().name()))
                .setHeader("Stamp")
                .setKey("stamp")
                .setAutoWidth(true);
        stamps.addColumn(s -> s.stamp().kind().name().toLowerCase(Locale.ROOT) + ", "
                        + s.stamp().status().name().toLowerCase(Locale.ROOT))
                .setHeader("Kind, status")
                .setKey("kind")
                .setAutoWidth(true);
        stamps.addComponentColumn(s -> {
                    var badges = new HorizontalLayout();
                    badges.setSpacing(true);
                    s.pools().forEach(p -> badges.add(IsolationBadges.pool(p)));
                    return badges;
                })
                .setHeader("Hot-node P95 per pool")
                .setKey("pools")
                .setAutoWidth(true);
        stamps.addColumn(s -> s.worstState().name())
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true);
        stamps.setItems(context.stamps());

        var note = new Span(
                "Signals over the current peak window; shares in the minutes each home stamp served the registry.");
        note.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        add(
                new H2("Signal engine's recommendation"),
                verdict,
                advice,
                new H2("Share of their home stamps"),
                shares,
                new H2("The customer's current stamps"),
                stamps,
                note);
    }

    private static <T> void compact(Grid<T> grid, String id) {
        grid.setId(id);
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
