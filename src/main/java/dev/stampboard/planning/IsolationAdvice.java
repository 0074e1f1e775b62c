package dev.stampboard.planning;

import org.jspecify.annotations.Nullable;

/**
 * What the planner makes of one registry of an isolation request, from current signals: a shared
 * stamp that could take it ({@code destination}), a dedicated stamp ({@code dedicatedRecommended}), or
 * nothing to do because it already runs on a dedicated stamp ({@code alreadyIsolated}, its home stamp).
 */
public record IsolationAdvice(
        String registry,
        String homeStamp,
        double contribution,
        boolean dedicatedRecommended,
        @Nullable String destination,
        String explanation,
        boolean alreadyIsolated) {

    public IsolationAdvice(
            String registry,
            String homeStamp,
            double contribution,
            boolean dedicatedRecommended,
            @Nullable String destination,
            String explanation) {
        this(registry, homeStamp, contribution, dedicatedRecommended, destination, explanation, false);
    }

    /** The advice for a registry that already runs on the dedicated stamp {@code stamp}. */
    static IsolationAdvice isolatedOn(String registry, String stamp) {
        return new IsolationAdvice(
                registry,
                stamp,
                0,
                false,
                null,
                "Already isolated: it runs on the dedicated stamp " + stamp + "; nothing to move.",
                true);
    }
}
