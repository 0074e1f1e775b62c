package dev.stampboard.cutover;

import dev.stampboard.planning.PlanId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One move of an executed plan as stored: where it sits in the plan (phase, batch), its state
 * machine ({@link MoveExecution}), the deadlines of its drain and validation, the baseline it is
 * judged against and, once judged, the verdict with its evidence.
 */
final class MoveRun {

    final PlanId planId;
    final int seq;
    final int phase;
    final int batch;
    final int observationHours;
    final MoveExecution execution;

    @Nullable
    Instant cutoverAt;

    @Nullable
    Instant drainUntil;

    @Nullable
    Instant validateUntil;

    @Nullable
    Double baselineP99Ms;

    @Nullable
    Double baselineRequests;

    @Nullable
    Verdict verdict;

    @Nullable
    String evidence;

    @Nullable
    Double predictionErrorPp;

    @Nullable
    String note;

    final int version;

    MoveRun(
            PlanId planId,
            int seq,
            int phase,
            int batch,
            int observationHours,
            MoveExecution execution,
            @Nullable Instant cutoverAt,
            @Nullable Instant drainUntil,
            @Nullable Instant validateUntil,
            @Nullable Double baselineP99Ms,
            @Nullable Double baselineRequests,
            @Nullable Verdict verdict,
            @Nullable String evidence,
            @Nullable Double predictionErrorPp,
            @Nullable String note,
            int version) {
        this.planId = planId;
        this.seq = seq;
        this.phase = phase;
        this.batch = batch;
        this.observationHours = observationHours;
        this.execution = execution;
        this.cutoverAt = cutoverAt;
        this.drainUntil = drainUntil;
        this.validateUntil = validateUntil;
        this.baselineP99Ms = baselineP99Ms;
        this.baselineRequests = baselineRequests;
        this.verdict = verdict;
        this.evidence = evidence;
        this.predictionErrorPp = predictionErrorPp;
        this.note = note;
        this.version = version;
    }

    static MoveRun approved(
            PlanId planId,
            int seq,
            int phase,
            int batch,
            int observationHours,
            String registry,
            String region,
            String from,
            String to,
            Instant now) {
        MoveExecution execution = new MoveExecution(registry, region, from, to);
        execution.approve(now);
        return new MoveRun(
                planId,
                seq,
                phase,
                batch,
                observationHours,
                execution,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    MoveState state() {
        return execution.state();
    }

    String registry() {
        return execution.registry();
    }

    /** Phase and batch as one sortable key: batches run strictly in this order. */
    long stage() {
        return (long) phase * 10_000 + batch;
    }

    String describe() {
        return execution.registry() + " " + execution.fromStamp() + " → " + execution.toStamp();
    }
}
