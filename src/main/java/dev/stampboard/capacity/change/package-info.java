/**
 * Capacity changes (issue 17 items 4–5): a pool's instance count and minimum, proposed by an engineer or
 * from a recommendation, approved by another engineer, applied through {@code fleet.PoolCapacity}, validated
 * for 24 h and reverted automatically when that fails. {@link dev.stampboard.capacity.change.CapacityChangeState}
 * is the machine, {@link dev.stampboard.capacity.change.CapacityChangeService} what people do, and
 * {@link dev.stampboard.capacity.change.CapacityChangeExecutor} the steps, stored before they act under one
 * instance's lease. A second isolation request for a customer's dedicated stamp grows it through here.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.capacity.change;
