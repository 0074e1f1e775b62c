package dev.stampboard.signals.engine;

import java.util.Objects;

/**
 * One reason a stamp needs rebalancing now.
 *
 * @param stamp  the triggered stamp
 * @param kind   which signal triggered it
 * @param detail what a person reads, e.g. "throttling 3.1 % above 2.0 % for 12 min (rule: 10 min)"
 * @param sinceMinute the first minute the signal has held (as far as the console has observed)
 * @param value  the signal's value now, in the rule's unit: the pool's hot-node P95 (%), the reactive metric's
 *               latest value (a rate 0–1, or p99 milliseconds), the score (0–100); NaN when not known
 * @param threshold the rule's threshold, in the same unit (the value is above it, or at or above it for the score)
 */
public record StampTrigger(
        String stamp, TriggerKind kind, String detail, long sinceMinute, double value, double threshold) {

    public StampTrigger {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** A trigger whose value and threshold are not known (both NaN). */
    public StampTrigger(String stamp, TriggerKind kind, String detail, long sinceMinute) {
        this(stamp, kind, detail, sinceMinute, Double.NaN, Double.NaN);
    }

    /** "reactive: throttling 3.1 % …", for one-line texts. */
    public String describe() {
        return kind.label() + ": " + detail;
    }

    /**
     * How far past its rule the signal is: value ÷ threshold (1.5: half as much again as the rule allows), so
     * triggers of different units can be ranked; NaN when either is unknown or the threshold is not above 0.
     */
    public double severity() {
        return Double.isFinite(value) && Double.isFinite(threshold) && threshold > 0 ? value / threshold : Double.NaN;
    }
}
