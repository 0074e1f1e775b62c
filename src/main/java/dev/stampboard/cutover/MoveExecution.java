package dev.stampboard.cutover;

import dev.stampboard.base.TransitionRefused;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One move as the executor sees it: registry replica, source and destination, and its state. Each
 * transition is an intention-revealing method that checks the table; nothing sets the state
 * directly. A pause remembers where to resume.
 */
public final class MoveExecution {

    private final String registry;
    private final String region;
    private final String fromStamp;
    private final String toStamp;
    private MoveState state;
    private @Nullable MoveState pausedFrom;
    private @Nullable String failure;
    private @Nullable Instant stateSince;

    public MoveExecution(String registry, String region, String fromStamp, String toStamp) {
        this(registry, region, fromStamp, toStamp, MoveState.PLANNED, null, null, null);
    }

    MoveExecution(
            String registry,
            String region,
            String fromStamp,
            String toStamp,
            MoveState state,
            @Nullable MoveState pausedFrom,
            @Nullable String failure,
            @Nullable Instant stateSince) {
        if (fromStamp.equals(toStamp)) {
            throw new IllegalArgumentException("A move needs two different stamps, not " + fromStamp + " twice");
        }
        this.registry = registry;
        this.region = region;
        this.fromStamp = fromStamp;
        this.toStamp = toStamp;
        this.state = state;
        this.pausedFrom = pausedFrom;
        this.failure = failure;
        this.stateSince = stateSince;
    }

    public void approve(Instant now) {
        move(MoveState.APPROVED, now);
    }

    public void startCutover(Instant now) {
        move(MoveState.CUTTING_OVER, now);
    }

    public void startDraining(Instant now) {
        move(MoveState.DRAINING, now);
    }

    public void startValidating(Instant now) {
        move(MoveState.VALIDATING, now);
    }

    public void complete(Instant now) {
        move(MoveState.COMPLETED, now);
    }

    public void pause(Instant now) {
        MoveState from = state;
        move(MoveState.PAUSED, now);
        pausedFrom = from;
    }

    public void resume(Instant now) {
        if (state != MoveState.PAUSED || pausedFrom == null) {
            throw new TransitionRefused("Cannot resume " + registry + ": it is " + state + ", not paused");
        }
        MoveState back = pausedFrom;
        pausedFrom = null;
        state = MoveState.PAUSED;
        transition(back, now, true);
    }

    public void startRollback(Instant now) {
        move(MoveState.ROLLING_BACK, now);
    }

    public void finishRollback(Instant now) {
        move(MoveState.ROLLED_BACK, now);
    }

    public void fail(String reason, Instant now) {
        move(MoveState.FAILED, now);
        failure = reason;
    }

    private void move(MoveState to, Instant now) {
        transition(to, now, false);
    }

    /** Out of PAUSED only two ways: resume (back where it stopped) or roll back. */
    private void transition(MoveState to, Instant now, boolean resuming) {
        if (state == MoveState.PAUSED && to != MoveState.ROLLING_BACK && !resuming) {
            throw new TransitionRefused("Move of " + registry + " is paused: resume it or roll it back");
        }
        if (!state.canMoveTo(to)) {
            throw new TransitionRefused("Move of " + registry + " (" + fromStamp + " → " + toStamp + ") cannot go from "
                    + state + " to " + to + "; allowed: " + state.next());
        }
        state = to;
        stateSince = now;
    }

    public MoveState state() {
        return state;
    }

    public @Nullable MoveState pausedFrom() {
        return pausedFrom;
    }

    public @Nullable String failure() {
        return failure;
    }

    public @Nullable Instant stateSince() {
        return stateSince;
    }

    public String registry() {
        return registry;
    }

    public String region() {
        return region;
    }

    public String fromStamp() {
        return fromStamp;
    }

    public String toStamp() {
        return toStamp;
    }
}
