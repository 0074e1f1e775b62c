package dev.stampboard.capacity;

import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A port for fleets that can say what their pools' daily peaks were before the console watched them: the embedded
 * simulator computes them from its own deterministic model (a sample of each day's peak window, no per-minute
 * telemetry). A real fleet has none: its history is what the console records as days end.
 */
public interface PastPeaks {

    /** One pool's day: the hot-node P95 of the 12 h ending at the day's end (UTC), and its node count. */
    record PastPeak(String stamp, PoolKind pool, LocalDate day, double p95, int nodes) {}

    /** Every pool's peaks for the days from {@code from} (inclusive) to {@code to} (exclusive). */
    List<PastPeak> dailyPeaks(LocalDate from, LocalDate to);
}
