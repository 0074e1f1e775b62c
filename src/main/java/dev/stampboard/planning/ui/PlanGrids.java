package dev.stampboard.planning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.stampboard.planning.PlanEvidence;
import dev.stampboard.planning.PlanIsolation;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanPrediction;
import dev.stampboard.planning.PlanStatusChange;
import dev.stampboard.planning.PlanTrigger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The small read-only grids of the plan review. */
final class PlanGrids {

    private PlanGrids() {}

    static <T> void compact(Grid<T> grid) {
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v);
    }
}

class MovesGrid extends Grid<PlanMove> {
    /** A draft's moves: none has started, so each is PLANNED. */
    MovesGrid(List<PlanMove> moves) {
        this(moves, m -> "PLANNED", java.util.Set.of());
    }

    /**
     * {@code stateOf}: each move's execution state (the cutover engine's, read through planning).
     * Moves onto one of {@code dedicated} point to that stamp's one sizing block instead of repeating it.
     */
    MovesGrid(
            List<PlanMove> moves,
            java.util.function.Function<PlanMove, String> stateOf,
            java.util.Set<String> dedicated) {
        setId("moves");
        PlanGrids.compact(this);
        addColumn(m -> m.phase() + "." + m.batch())
                .setHeader("Phase.batch")
                .setKey("phase")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(PlanMove::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(m -> m.fromStamp() + " → " + m.toStamp())
                .setHeader("Move")
                .setKey("move")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(m -> m.observationHours() + " h")
                .setHeader("Observe")
                .setKey("observe")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(stateOf::apply)
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(m -> why(m, dedicated))
                .setHeader("Why (click a row for rejected alternatives)")
                .setKey("why")
                .setFlexGrow(1);
        setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(m -> {
            var box = new Div(
                    new Paragraph("Why this registry: " + m.whyRegistry()),
                    new Paragraph("Why this destination: " + m.whyDestination()));
            if (!m.rejected().isBlank()) {
                box.add(new Paragraph("Rejected alternatives: " + m.rejected().replace("\n", "; ")));
            }
            return box;
        }));
        setEmptyStateText("No moves: nothing to relieve, or every hot registry needs a dedicated stamp.");
        setItems(moves);
    }

    /**
     * A row's explanation. A move onto a dedicated stamp says which stamp and the registry's first sentence
     * only: the stamp's sizing is shown once under "Dedicated stamps", an isolated registry's full case under
     * "Dedicated stamp recommended", and both stay one click away in the row's details.
     */
    static String why(PlanMove m, java.util.Set<String> dedicated) {
        if (!dedicated.contains(m.toStamp())) {
            return m.whyRegistry() + " " + m.whyDestination();
        }
        return firstSentence(m.whyRegistry()) + " → dedicated stamp " + m.toStamp()
                + " (sized once under Dedicated stamps).";
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end);
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}

class IsolationGrid extends Grid<PlanIsolation> {
    IsolationGrid(List<PlanIsolation> isolations) {
        setId("isolations");
        PlanGrids.compact(this);
        addColumn(PlanIsolation::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(PlanIsolation::fromStamp)
                .setHeader("Now on")
                .setKey("from")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(i -> i.registryNodes() + " registry, " + i.dataproxyNodes() + " dataproxy nodes, "
                        + i.storageAccounts() + " storage account(s)")
                .setHeader("Sized as")
                .setKey("sizing")
                .setWidth("11em")
                .setFlexGrow(0);
        addColumn(PlanIsolation::reason).setHeader("Why").setKey("reason").setFlexGrow(3);
        addColumn(PlanIsolation::arithmetic)
                .setHeader("Arithmetic")
                .setKey("arithmetic")
                .setFlexGrow(2);
        setItems(isolations);
    }
}

class PredictionGrid extends Grid<PlanPrediction> {
    PredictionGrid(List<PlanPrediction> predictions) {
        setId("predictions");
        PlanGrids.compact(this);
        addColumn(PlanPrediction::stamp).setHeader("Stamp").setKey("stamp").setAutoWidth(true);
        addColumn(PlanPrediction::pool).setHeader("Pool").setKey("pool").setAutoWidth(true);
        addColumn(p -> PlanGrids.pct(p.beforeP95()))
                .setHeader("Before")
                .setKey("before")
                .setAutoWidth(true);
        addColumn(p -> PlanGrids.pct(p.afterP95()))
                .setHeader("After (predicted)")
                .setKey("after")
                .setAutoWidth(true);
        addColumn(p -> String.format(Locale.ROOT, "%+.1f pp", p.afterP95() - p.beforeP95()))
                .setHeader("Change")
                .setKey("change")
                .setAutoWidth(true);
        setItems(predictions);
    }
}

class EvidenceGrid extends Grid<PlanEvidence> {
    EvidenceGrid(List<PlanEvidence> evidence) {
        setId("evidence");
        PlanGrids.compact(this);
        addColumn(PlanEvidence::stamp).setHeader("Stamp").setKey("stamp").setAutoWidth(true);
        addColumn(PlanEvidence::pool).setHeader("Pool").setKey("pool").setAutoWidth(true);
        addColumn(e -> e.p95() == null ? "no data" : PlanGrids.pct(e.p95()))
                .setHeader("Hot-node P95")
                .setKey("p95")
                .setAutoWidth(true);
        addColumn(PlanEvidence::state).setHeader("State").setKey("state").setAutoWidth(true);
        setItems(evidence);
    }
}

/** Which signal triggered each source stamp when the plan was computed (P95, reactive, score). */
class TriggerGrid extends Grid<PlanTrigger> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    TriggerGrid(List<PlanTrigger> triggers) {
        setId("triggered-by");
        PlanGrids.compact(this);
        addColumn(PlanTrigger::stamp).setHeader("Stamp").setKey("stamp").setAutoWidth(true);
        addColumn(t -> t.kind().label()).setHeader("Signal").setKey("signal").setAutoWidth(true);
        addColumn(PlanTrigger::detail).setHeader("What").setKey("detail").setFlexGrow(1);
        addColumn(t -> WHEN.format(java.time.Instant.ofEpochSecond(t.sinceMinute() * 60)))
                .setHeader("Since (UTC)")
                .setKey("since")
                .setAutoWidth(true);
        setItems(triggers);
    }
}

class HistoryGrid extends Grid<PlanStatusChange> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    HistoryGrid(List<PlanStatusChange> history) {
        setId("history");
        PlanGrids.compact(this);
        addColumn(h -> WHEN.format(h.at())).setHeader("When (UTC)").setKey("at").setAutoWidth(true);
        addColumn(h -> h.actor().name()).setHeader("Who").setKey("actor").setAutoWidth(true);
        addColumn(h -> (h.from() == null ? "" : h.from() + " → ") + h.to())
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        addColumn(h -> h.reason() == null ? "" : h.reason())
                .setHeader("Reason")
                .setKey("reason")
                .setFlexGrow(1);
        setItems(history);
    }
}
