package dev.stampboard.capacity.change;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One capacity change as stored: which pool, from what size to what size, why and who, and its state machine
 * ({@link CapacityChangeState}). Each transition is an intention-revealing method that checks the table and its
 * own rule (four eyes on approval); nothing sets the state directly. Plain Java: the service and the executor
 * store it, conditional on {@link #version}.
 */
final class CapacityChange {

    final String id;
    final String stamp;
    final String region;
    final PoolKind pool;
    final Resize resize;
    final String reason;
    final ChangeOrigin origin;
    final @Nullable String originRef;

    @Nullable
    String recommendation;

    final String proposedBy;
    final Instant proposedAt;
    final @Nullable Double predictedP95;
    final @Nullable Double beforeP95;
    private CapacityChangeState state;
    private Instant stateSince;

    @Nullable
    String decidedBy;

    @Nullable
    String decisionReason;

    @Nullable
    String startedBy;

    @Nullable
    Instant appliedAt;

    @Nullable
    Instant validateUntil;

    @Nullable
    Double measuredP95;

    @Nullable
    ChangeVerdict verdict;

    @Nullable
    String evidence;

    @Nullable
    String revertReason;

    final int version;

    CapacityChange(
            String id,
            String stamp,
            String region,
            PoolKind pool,
            Resize resize,
            String reason,
            ChangeOrigin origin,
            @Nullable String originRef,
            String proposedBy,
            Instant proposedAt,
            @Nullable Double predictedP95,
            @Nullable Double beforeP95,
            CapacityChangeState state,
            Instant stateSince,
            int version) {
        this.id = id;
        this.stamp = stamp;
        this.region = region;
        this.pool = pool;
        this.resize = resize;
        this.reason = reason;
        this.origin = origin;
        this.originRef = originRef;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.predictedP95 = predictedP95;
        this.beforeP95 = beforeP95;
        this.state = state;
        this.stateSince = stateSince;
        this.version = version;
    }

    /** A new proposal; refuses sizes that are no change or not a valid pool size. */
    static CapacityChange propose(
            String id,
            String stamp,
            String region,
            PoolKind pool,
            Resize resize,
            String reason,
            ChangeOrigin origin,
            @Nullable String originRef,
            String proposedBy,
            @Nullable Double predictedP95,
            @Nullable Double beforeP95,
            Instant now) {
        Resize.checkSize(resize.toInstances(), resize.toMinimum());
        if (resize.changesNothing()) {
            throw new InvalidInputException("The " + pool + " pool of " + stamp + " already has "
                    + resize.fromInstances() + " instances with minimum " + resize.fromMinimum()
                    + ": that is no change");
        }
        return new CapacityChange(
                id,
                stamp,
                region,
                pool,
                resize,
                reason,
                origin,
                originRef,
                proposedBy,
                now,
                predictedP95,
                beforeP95,
                CapacityChangeState.PROPOSED,
                now,
                0);
    }

    CapacityChangeState state() {
        return state;
    }

    Instant stateSince() {
        return stateSince;
    }

    /** Four eyes: whoever proposed the change cannot approve it. */
    void approve(Actor by, Instant now) {
        if (by.name().equals(proposedBy)) {
            throw new TransitionRefused(
                    by + " proposed capacity change " + shortId() + "; another engineer must approve it (four eyes)");
        }
        move(CapacityChangeState.APPROVED, now);
        decidedBy = by.name();
    }

    void reject(Actor by, String why, Instant now) {
        move(CapacityChangeState.REJECTED, now);
        decidedBy = by.name();
        decisionReason = why;
    }

    void start(Actor by, Instant now) {
        move(CapacityChangeState.APPLYING, now);
        startedBy = by.name();
    }

    /** The pool has its new size; the validation window runs until {@code until}. */
    void applied(Instant now, Instant until) {
        move(CapacityChangeState.VALIDATING, now);
        appliedAt = now;
        validateUntil = until;
    }

    void pass(@Nullable Double measured, String text, Instant now) {
        move(CapacityChangeState.COMPLETED, now);
        measuredP95 = measured;
        verdict = ChangeVerdict.PASS;
        evidence = text;
    }

    /**
     * Validation failed: a scale-in is reverted at once (the nodes come back); a scale-out stops in FAILED, since
     * shrinking a pool that is too hot even with more nodes makes it hotter.
     */
    void fail(@Nullable Double measured, String text, Instant now) {
        measuredP95 = measured;
        verdict = ChangeVerdict.FAIL;
        evidence = text;
        if (resize.scalesIn()) {
            move(CapacityChangeState.REVERTING, now);
            revertReason = "Automatic revert: " + text;
        } else {
            move(CapacityChangeState.FAILED, now);
        }
    }

    /** An engineer rolls the change back: the pool returns to its size before the change. */
    void rollBack(Actor by, String why, Instant now) {
        move(CapacityChangeState.REVERTING, now);
        revertReason = "Rolled back by " + by + ": " + why;
    }

    void reverted(Instant now) {
        move(CapacityChangeState.REVERTED, now);
    }

    private void move(CapacityChangeState to, Instant now) {
        if (!state.canMoveTo(to)) {
            throw new TransitionRefused("Capacity change " + shortId() + " (" + describe() + ") cannot go from " + state
                    + " to " + to + "; allowed: " + state.next());
        }
        state = to;
        stateSince = now;
    }

    String shortId() {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** e.g. {@code eus-s01 DATAPROXY 40 → 30 (minimum 40 → 30)}. */
    String describe() {
        return stamp + " " + pool + " " + resize.describe();
    }

    CapacityChangeDetails toDetails() {
        return new CapacityChangeDetails(
                id,
                stamp,
                region,
                pool,
                resize,
                reason,
                origin,
                originRef,
                proposedBy,
                proposedAt,
                predictedP95,
                beforeP95,
                state,
                stateSince,
                decidedBy,
                decisionReason,
                startedBy,
                appliedAt,
                validateUntil,
                measuredP95,
                verdict,
                evidence,
                revertReason,
                recommendation);
    }
}
