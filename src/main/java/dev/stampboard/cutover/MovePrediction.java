package dev.stampboard.cutover;

import org.jspecify.annotations.Nullable;

/** A pool a move touched: hot-node P95 before the batch, predicted after it, and measured at the verdict. */
public record MovePrediction(
        String stamp,
        String pool,
        @Nullable Double before,
        @Nullable Double predicted,
        @Nullable Double measured) {

    public @Nullable Double errorPp() {
        return predicted == null || measured == null ? null : measured - predicted;
    }
}
