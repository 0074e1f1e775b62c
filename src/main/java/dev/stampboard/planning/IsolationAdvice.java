package dev.stampboard.planning;

import org.jspecify.annotations.Nullable;

/**
 * What the planner makes of one registry of an isolation request, from current signals: a shared
 * stamp that could take it ({@code destination}), or a dedicated stamp ({@code dedicatedRecommended}).
 */
public record IsolationAdvice(String registry, String homeStamp, double contribution, boolean dedicatedRecommended,
                              @Nullable String destination, String explanation) {
}
