package dev.stampboard.fleet;

import java.util.List;

/**
 * Stamps another console instance created or changed, read by this instance from the inventory change log: one event
 * per batch of changes, each stamp as the one snapshot reloaded for the batch has it. Published on the follower's
 * thread, outside a transaction; not a durable publication, because the change log itself is what an instance reads on
 * from after a restart. A stamp written on this instance is announced as {@link StampDeclared} instead, once.
 */
public record StampsFollowed(List<StampInfo> stamps) {

    public StampsFollowed {
        stamps = List.copyOf(stamps);
    }
}
