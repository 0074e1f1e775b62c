package dev.stampboard.calibration.engine;

import dev.stampboard.fleet.PoolKind;

/**
 * One pool a validated move touched: hot-node P95 before, as the planner predicted it after, and as measured.
 *
 * @param campaign    the plan the move belonged to (campaigns are fitted and evaluated as wholes)
 * @param destination whether the pool is the move's destination (else its source)
 * @param atMinute    when the move was judged (epoch minute)
 */
public record MoveOutcome(
        String campaign,
        int seq,
        String registry,
        String stamp,
        PoolKind pool,
        boolean destination,
        double before,
        double predicted,
        double measured,
        long atMinute) {

    public double errorPp() {
        return measured - predicted;
    }

    public double predictedChange() {
        return predicted - before;
    }

    public double measuredChange() {
        return measured - before;
    }
}
