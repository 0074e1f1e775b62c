package dev.stampboard.fleet;

import dev.stampboard.base.Actor;

/**
 * The port that sizes a pool's scale set (capacity recommendations, DESIGN §7). Azure: the scale
 * set's instance count, with the minimum kept in the inventory.
 */
public interface PoolCapacity {

    /** Sets the pool's instance count to {@code capacity} and its minimum to {@code minimum} (≤ capacity). */
    void setCapacity(String stamp, PoolKind pool, int capacity, int minimum, Actor actor);
}
