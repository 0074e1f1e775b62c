package dev.stampboard.cutover;

/** A validated move's outcome: only PASS lets the next batch start on its own. */
public enum Verdict {
    PASS,
    MARGINAL,
    FAIL
}
