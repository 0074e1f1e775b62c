package dev.stampboard.capacity.engine;

import java.time.Instant;

/**
 * The last step change of a pool's load or size: a registry moved into or out of its stamp (a plan's move or its
 * rollback) or the pool resized. Minutes and daily peaks before it describe another load or node count, so the
 * capacity model sizes a pool only from a peak window that starts after it, and its growth forecast fits only the
 * days after it.
 *
 * @param at   when it happened
 * @param what one line for the evidence ("registry x moved out", "resized 16 → 14")
 */
public record LevelShift(Instant at, String what) {

    public long minute() {
        return at.getEpochSecond() / 60;
    }
}
