package dev.stampboard.cutover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read model of one executed move. {@code progress} is the running stage's share done (drain or
 * validation, 0–1) and {@code timeLeft} its simulated time left; both null outside those stages.
 */
public record MoveRunDetails(
        int seq,
        String registry,
        String region,
        String fromStamp,
        String toStamp,
        int phase,
        int batch,
        int observationHours,
        MoveState state,
        @Nullable MoveState pausedFrom,
        @Nullable Instant stateSince,
        @Nullable Instant cutoverAt,
        @Nullable Instant drainUntil,
        @Nullable Instant validateUntil,
        @Nullable Double progress,
        @Nullable Duration timeLeft,
        @Nullable Double baselineP99Ms,
        @Nullable Double baselineRequests,
        @Nullable Verdict verdict,
        @Nullable String evidence,
        @Nullable Double predictionErrorPp,
        @Nullable String note,
        List<MovePrediction> predictions) {}
