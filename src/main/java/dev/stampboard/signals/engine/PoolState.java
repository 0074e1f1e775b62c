package dev.stampboard.signals.engine;

/** Verdict on a pool's hot-node P95 against the configured thresholds. */
public enum PoolState {
    OK,
    WARN,
    HOT,
    /** No hot-node minute value in the peak window, so there is no P95 to judge. */
    NO_DATA
}
