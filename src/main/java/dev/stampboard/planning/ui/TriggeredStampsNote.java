package dev.stampboard.planning.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.stampboard.signals.engine.StampTrigger;
import java.util.List;
import java.util.Map;

/** The wizard's first step: which stamps of the region are triggered, and by which signal (P95, reactive, score). */
class TriggeredStampsNote extends Div {

    TriggeredStampsNote() {
        setId("triggered-stamps");
    }

    void show(Map<String, List<StampTrigger>> triggered) {
        removeAll();
        if (triggered.isEmpty()) {
            add(new Span("No stamp of the region is triggered: no pool above the hot threshold, no sustained"
                    + " reactive trigger, no score held above its threshold."));
            return;
        }
        add(new Span("Triggered stamps are preselected:"));
        triggered.forEach((stamp, triggers) -> {
            for (StampTrigger t : triggers) {
                Div line = new Div();
                Span badge = new Span(t.kind().label());
                badge.getElement()
                        .getThemeList()
                        .add("badge small " + (t.kind().name().equals("P95") ? "error" : "contrast"));
                line.add(new Span(stamp + " "), badge, new Span(" " + t.detail()));
                add(line);
            }
        });
    }
}
