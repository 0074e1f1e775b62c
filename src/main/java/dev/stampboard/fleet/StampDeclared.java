package dev.stampboard.fleet;

/**
 * Published after a stamp was created or its pools gained nodes. {@code followed}: this instance read the change
 * another console instance (or itself) committed, from the inventory change log, in a batch with others; the fleet
 * snapshot was dropped for the batch, so listeners read the stamp from it ({@link FleetService#stamp}, one reload
 * for the whole batch) rather than one by one from the database ({@link FleetService#freshStamp}).
 */
public record StampDeclared(String stamp, boolean followed) {

    /** Declared on this instance, just now. */
    public StampDeclared(String stamp) {
        this(stamp, false);
    }
}
