package dev.stampboard.cutover;

/**
 * Called around every action the executor takes on the outside world, after its intent is stored.
 * Production does nothing here; the restart tests throw from it to kill the executor at that point.
 */
@FunctionalInterface
interface StepHook {

    enum Point {
        BEFORE_CUTOVER,
        AFTER_CUTOVER,
        BEFORE_ROLLBACK,
        AFTER_ROLLBACK,
        BEFORE_VERDICT,
        BEFORE_PROVISION
    }

    void at(Point point, MoveRun move);

    StepHook NONE = (point, move) -> {};
}
