package dev.stampboard.signals.engine;

import java.util.Objects;

/**
 * One reason a stamp needs rebalancing now.
 *
 * @param stamp  the triggered stamp
 * @param kind   which signal triggered it
 * @param detail what a person reads, e.g. "throttling 3.1 % above 2.0 % for 12 min (rule: 10 min)"
 * @param sinceMinute the first minute the signal has held (as far as the console has observed)
 */
public record StampTrigger(String stamp, TriggerKind kind, String detail, long sinceMinute) {

    public StampTrigger {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** "reactive: throttling 3.1 % …", for one-line texts. */
    public String describe() {
        return kind.label() + ": " + detail;
    }
}
