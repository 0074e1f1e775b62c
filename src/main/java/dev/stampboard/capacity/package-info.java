/**
 * Capacity and cost (DESIGN §7, issue 17): per-pool scale-in and scale-out recommendations from the calibrated
 * prediction model, a growth forecast of each pool's daily peak P95, node prices and the savings they make, and the
 * {@code /capacity} page. The change workflow that executes a recommendation lives in {@code capacity.change}.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.capacity;
