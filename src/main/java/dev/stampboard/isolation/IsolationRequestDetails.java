package dev.stampboard.isolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Read model of an isolation request for views and the API. */
public record IsolationRequestDetails(
        String id,
        String customer,
        String region,
        List<String> registries,
        long expectedPeakQps,
        double peakThroughputGbps,
        double dataVolumeTb,
        String justification,
        LocalDate wantedBy,
        String requestedBy,
        Instant requestedAt,
        IsolationState state,
        DedicatedSizing sizing,
        @Nullable String question,
        @Nullable String answer,
        @Nullable String decidedBy,
        @Nullable String decisionReason,
        @Nullable String dedicatedStamp,
        @Nullable String planId) {

    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }
}
