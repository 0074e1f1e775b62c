package dev.stampboard.cutover;

/** One move of an executed plan took a step of its state machine ({@link MoveState}); committed with it. */
public record MoveStateChanged(String planId, int seq, String registry, MoveState from, MoveState to) {}
