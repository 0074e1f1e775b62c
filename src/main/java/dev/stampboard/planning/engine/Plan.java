package dev.stampboard.planning.engine;

import java.util.List;

public record Plan(String region, List<PlannedMove> moves, List<IsolationRecommendation> isolation,
                   List<Prediction> predictions, List<String> notes) {
}
