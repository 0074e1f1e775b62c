package dev.stampboard.calibration;

import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.calibration.engine.MoveOutcome;
import dev.stampboard.calibration.engine.PredictionError;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How wrong predictions were, before and after calibration, and on what that was measured.
 *
 * @param moves        moves the evaluated calibration was fitted from
 * @param evaluatedOn  the campaign (plan) held out to evaluate on, or a sentence saying why there is none
 * @param heldOut      whether the evaluation is out of sample (a later plan than those fitted on); false when fewer
 *                     than two plans have been validated and the calibration is measured on what it was fitted from
 * @param outcomes     every measured outcome, with the calibrated prediction where it was evaluated
 * @param worstMisses  per plan, its worst miss with the world's reason where the fleet can give one
 * @param current      the calibration fitted from every outcome: what the planner uses
 */
public record CalibrationReport(
        int moves,
        PredictionError uncalibrated,
        PredictionError calibrated,
        String evaluatedOn,
        boolean heldOut,
        List<Point> outcomes,
        List<WorstMiss> worstMisses,
        Calibration current,
        boolean plannerUsesIt,
        int minMoves) {

    /** One outcome: predicted and measured P95, the calibrated prediction where it was evaluated. */
    public record Point(
            String plan,
            int seq,
            String registry,
            String stamp,
            String pool,
            boolean destination,
            double before,
            double predicted,
            double measured,
            @Nullable Double calibrated,
            Instant at) {

        static Point of(MoveOutcome o, @Nullable Double calibrated) {
            return new Point(
                    o.campaign(),
                    o.seq(),
                    o.registry(),
                    o.stamp(),
                    o.pool().name(),
                    o.destination(),
                    o.before(),
                    o.predicted(),
                    o.measured(),
                    calibrated,
                    Instant.ofEpochSecond(o.atMinute() * 60));
        }
    }

    public record WorstMiss(
            String plan,
            String registry,
            String stamp,
            String pool,
            double predicted,
            double measured,
            double errorPp,
            String reason) {}
}
