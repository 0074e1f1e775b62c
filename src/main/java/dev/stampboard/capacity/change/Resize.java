package dev.stampboard.capacity.change;

/**
 * A pool's size before and after a capacity change: its instance count and its minimum, each way. The executor
 * applies the "to" size and, on a revert, the "from" size.
 */
public record Resize(int fromInstances, int fromMinimum, int toInstances, int toMinimum) {

    /** The most instances a pool may be given. */
    static final int MAX_INSTANCES = 1000;

    /** Refuses a new size that is not a valid pool size (the API's field names in the message). */
    static void checkSize(int instances, int minimum) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new dev.stampboard.base.InvalidInputException(
                    "toInstances must be between 1 and " + MAX_INSTANCES + ", not " + instances);
        }
        if (minimum < 1 || minimum > instances) {
            throw new dev.stampboard.base.InvalidInputException(
                    "toMinimum must be between 1 and toInstances (" + instances + "), not " + minimum);
        }
    }

    /** Fewer instances afterwards. */
    public boolean scalesIn() {
        return toInstances < fromInstances;
    }

    /** The same count and minimum both ways. */
    boolean changesNothing() {
        return toInstances == fromInstances && toMinimum == fromMinimum;
    }

    /** e.g. {@code 40 → 30 (minimum 40 → 30)}. */
    String describe() {
        return fromInstances + " → " + toInstances + " (minimum " + fromMinimum + " → " + toMinimum + ")";
    }
}
