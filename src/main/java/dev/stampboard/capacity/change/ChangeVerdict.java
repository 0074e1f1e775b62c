package dev.stampboard.capacity.change;

/** The outcome of a change's validation window. */
public enum ChangeVerdict {
    PASS,
    FAIL
}
