package dev.stampboard.planning.engine;

/**
 * What a plan does for one stamp it relieves: the stamp's worst hot-node P95 across its pools before
 * and as predicted after, and whether that reaches the target. Views colour and word it from these
 * figures; nothing parses the planner's notes.
 */
public record Relief(String stamp, double before, double after, boolean reachedTarget) {}
