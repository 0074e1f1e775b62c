package dev.stampboard.planning;

/**
 * One move of a plan as stored: the registry replica, where it goes, when, and why. Its execution
 * state belongs to the cutover engine; planning reads it through {@link MoveProgress}.
 */
public record PlanMove(
        String registry,
        String region,
        String fromStamp,
        String toStamp,
        int phase,
        int batch,
        int observationHours,
        String whyRegistry,
        String whyDestination,
        String rejected) {}
