package dev.stampboard.planning.engine;

public record PlannedMove(
        String registry,
        String from,
        String to,
        int phase,
        int batch,
        int observationHours,
        MoveExplanation explanation) {}
