/**
 * Decision quality (DESIGN §3, §12): how wrong the planner's predictions were after each validated move, a
 * calibration of the prediction model fitted from those outcomes and from the fleet's (traffic, CPU) history, its
 * out-of-sample error, and the parameters the planner uses once enough moves have been measured.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.calibration;
