package dev.stampboard.planning.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DESIGN §4 rule 4, the seed's playbook: low-traffic registries together in phase 1 (to validate
 * the tooling), medium ones in phase 2 in sub-batches each observed for a day, high-traffic ones in
 * phase 3 one at a time, each observed for two days.
 */
final class Phasing {

    private Phasing() {}

    static List<PlannedMove> assign(List<Planner.Selected> selected, PlanningSettings settings) {
        List<Planner.Selected> ordered = selected.stream()
                .sorted(Comparator.comparingDouble(Planner.Selected::contribution))
                .toList();
        List<PlannedMove> moves = new ArrayList<>();
        int mediumIndex = 0;
        int highIndex = 0;
        for (Planner.Selected s : ordered) {
            if (s.contribution() < settings.lowShareMax()) {
                moves.add(move(s, 1, 1, settings.mediumObservationHours()));
            } else if (s.contribution() < settings.highShareMin()) {
                moves.add(
                        move(s, 2, mediumIndex++ / settings.mediumBatchSize() + 1, settings.mediumObservationHours()));
            } else {
                moves.add(move(s, 3, ++highIndex, settings.highObservationHours()));
            }
        }
        moves.sort(Comparator.comparingInt(PlannedMove::phase).thenComparingInt(PlannedMove::batch));
        return moves;
    }

    private static PlannedMove move(Planner.Selected s, int phase, int batch, int hours) {
        return new PlannedMove(
                s.registry().registry(),
                s.registry().homeStamp(),
                s.destination(),
                phase,
                batch,
                hours,
                s.explanation());
    }
}
