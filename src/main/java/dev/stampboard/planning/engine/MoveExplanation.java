package dev.stampboard.planning.engine;

import java.util.List;

public record MoveExplanation(String whyRegistry, String whyDestination, List<RejectedAlternative> rejected) {}
