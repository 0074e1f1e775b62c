package dev.stampboard.planning;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read model of a plan for views and the API; {@code triggeredBy}: which signal triggered each source stamp when it
 * was computed; {@code stale} is computed against current signals.
 */
public record PlanDetails(
        String id,
        String region,
        PlanStatus status,
        List<String> sourceStamps,
        String createdBy,
        Instant createdAt,
        long computedAtMinute,
        @Nullable String submittedBy,
        @Nullable String decidedBy,
        @Nullable String decisionReason,
        String settings,
        String notes,
        List<PlanMove> moves,
        List<PlanIsolation> isolations,
        List<PlanPrediction> predictions,
        List<PlanEvidence> evidence,
        List<PlanTrigger> triggeredBy,
        boolean stale) {

    /** The id as a value for core signatures ({@code id} stays the plain string the views and the API show). */
    public PlanId planId() {
        return PlanId.of(id);
    }
}
