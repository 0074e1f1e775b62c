package dev.stampboard.planning.engine;

import java.util.List;

/** The planner's answer. {@code reliefs}: one per stamp relieved; {@code notes}: the same and more, for people. */
public record Plan(
        String region,
        List<PlannedMove> moves,
        List<IsolationRecommendation> isolation,
        List<Prediction> predictions,
        List<Relief> reliefs,
        List<String> notes) {

    /** Whether any stamp the plan relieves stays above the target. */
    public boolean leavesAStampAboveTarget() {
        return reliefs.stream().anyMatch(r -> !r.reachedTarget());
    }
}
