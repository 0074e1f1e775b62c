package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.StampSignals;

/** Stamp name, region, kind, status and both pools' hot-node P95 badges. */
class StampHeader extends HorizontalLayout {

    StampHeader(StampSignals signals, String asOf) {
        StampInfo stamp = signals.stamp();
        var name = new H1(stamp.name());
        name.addClassNames(LumoUtility.Margin.NONE);
        add(
                name,
                fact("Region", stamp.region()),
                fact("Kind", stamp.kind().name()),
                fact("Status", stamp.status().name()));
        for (PoolKind kind : PoolKind.values()) {
            signals.pool(kind).ifPresent(pool -> {
                var badge = new PoolBadge(pool);
                badge.setId("badge-" + kind.name());
                add(fact(label(kind) + " P95", null), badge);
            });
        }
        var time = new Span("as of " + asOf);
        time.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(time);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        addClassNames(LumoUtility.Gap.Column.LARGE, LumoUtility.Gap.Row.SMALL);
    }

    private static Span fact(String label, @org.jspecify.annotations.Nullable String value) {
        var caption = new Span(label + (value == null ? "" : " "));
        caption.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        var fact = new Span(caption);
        if (value != null) {
            var v = new Span(value);
            v.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            fact.add(v);
        }
        return fact;
    }

    static String label(PoolKind kind) {
        return kind == PoolKind.REGISTRY ? "Registry" : "Dataproxy";
    }
}
