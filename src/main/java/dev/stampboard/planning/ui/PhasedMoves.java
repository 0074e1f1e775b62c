package dev.stampboard.planning.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.stampboard.planning.PlanMove;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plan's moves grouped by phase (collapsible; the first open), batches in order within each, and
 * one sizing block per dedicated stamp instead of the same arithmetic on every move onto it.
 */
class PhasedMoves extends VerticalLayout {

    private static final String[] PHASES = {
        "",
        "low-traffic registries, together",
        "medium-traffic registries, in batches",
        "high-traffic registries, one at a time"
    };

    final List<MovesGrid> grids = new ArrayList<>();

    /** {@code states}: each move's execution state, in the order of {@code moves}. */
    PhasedMoves(List<PlanMove> moves, List<String> states, List<String> dedicatedStamps) {
        setPadding(false);
        Map<PlanMove, String> stateOf = new IdentityHashMap<>();
        for (int i = 0; i < moves.size(); i++) {
            stateOf.put(moves.get(i), states.get(i));
        }
        setSpacing(false);
        Set<String> dedicated = Set.copyOf(dedicatedStamps);
        Map<Integer, List<PlanMove>> byPhase = new TreeMap<>();
        moves.forEach(
                m -> byPhase.computeIfAbsent(m.phase(), k -> new ArrayList<>()).add(m));
        if (byPhase.isEmpty()) {
            add(new MovesGrid(List.of()));
        }
        boolean first = true;
        for (var phase : byPhase.entrySet()) {
            List<PlanMove> inPhase = phase.getValue();
            long batches = inPhase.stream().mapToInt(PlanMove::batch).distinct().count();
            var grid = new MovesGrid(inPhase, m -> stateOf.getOrDefault(m, ""), dedicated);
            grid.setId("moves-phase-" + phase.getKey());
            grids.add(grid);
            String what = phase.getKey() < PHASES.length ? " · " + PHASES[phase.getKey()] : "";
            var details = new Details(
                    String.format(
                            Locale.ROOT,
                            "Phase %d%s · %d move(s) in %d batch(es)",
                            phase.getKey(),
                            what,
                            inPhase.size(),
                            batches),
                    grid);
            details.setOpened(first || moves.size() <= 12);
            details.setWidthFull();
            details.addClassName("phase");
            add(details);
            first = false;
        }
        dedicatedSizing(moves, dedicatedStamps).ifPresent(this::add);
    }

    /** One sizing block per dedicated stamp the moves go onto (the wizard's last step shows the same). */
    static java.util.Optional<Div> dedicatedSizing(List<PlanMove> moves, List<String> dedicatedStamps) {
        List<String> sized = dedicatedStamps.stream()
                .filter(s -> moves.stream().anyMatch(m -> m.toStamp().equals(s)))
                .toList();
        if (sized.isEmpty()) {
            return java.util.Optional.empty();
        }
        var box = new Div(new H3("Dedicated stamps"));
        box.setId("dedicated-sizing");
        for (String stamp : sized) {
            long onto = moves.stream().filter(m -> m.toStamp().equals(stamp)).count();
            String sizing = moves.stream()
                    .filter(m -> m.toStamp().equals(stamp))
                    .map(PlanMove::whyDestination)
                    .findFirst()
                    .orElse("");
            var block = new Paragraph(String.format(
                    Locale.ROOT, "%s · %d registr%s move onto it. %s", stamp, onto, onto == 1 ? "y" : "ies", sizing));
            block.addClassName("sizing-block");
            block.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            box.add(block);
        }
        return java.util.Optional.of(box);
    }
}
