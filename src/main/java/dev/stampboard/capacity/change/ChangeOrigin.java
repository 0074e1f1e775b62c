package dev.stampboard.capacity.change;

/** Where a capacity change came from: an engineer's own proposal, a recommendation, or an isolation request. */
public enum ChangeOrigin {
    ENGINEER,
    RECOMMENDATION,
    ISOLATION
}
