package dev.stampboard.cutover;

import dev.stampboard.planning.PlanId;

/** One move of an executed plan took a step of its state machine ({@link MoveState}); committed with it. */
public record MoveStateChanged(PlanId planId, int seq, String registry, MoveState from, MoveState to) {}
