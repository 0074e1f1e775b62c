/**
 * Calibration of the planner's prediction model from outcomes (DESIGN §3, §12), in plain Java: robust fits of each
 * pool's idle baseline from its (traffic, hot-node CPU) history, of how much a move really changes a pool compared
 * with what the model said (a gain per pool kind and side, which absorbs node skew), and of a cost factor per
 * registry that has moved before; and the out-of-sample error of predictions with and without them.
 * <p>The planner reads the fitted {@link dev.stampboard.calibration.engine.Calibration}: the annotation below tells
 * Spring Modulith that other modules may use these types.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("engine")
package dev.stampboard.calibration.engine;
