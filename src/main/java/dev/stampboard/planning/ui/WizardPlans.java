package dev.stampboard.planning.ui;

import java.util.List;

import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.engine.Plan;

/** The planner's preview in the shape the plan grids show. */
final class WizardPlans {

    private WizardPlans() {
    }

    static List<PlanMove> moves(Plan preview, String region) {
        return preview.moves().stream().map(m -> new PlanMove(m.registry(), region, m.from(), m.to(), m.phase(),
                m.batch(), m.observationHours(), m.explanation().whyRegistry(),
                m.explanation().whyDestination(), "")).toList();
    }
}
