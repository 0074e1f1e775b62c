package dev.stampboard.signals.engine;

/** Which signal triggered a stamp (DESIGN §2, issue 16 item 6). */
public enum TriggerKind {
    /** A pool's hot-node P95 is above the hot threshold. */
    P95,
    /** A reactive rule (throttling, 5xx burst, latency tail) is sustained on the stamp. */
    REACTIVE,
    /** The stamp score has been at or above its threshold for the required minutes. */
    SCORE;

    /** How people read it: "P95", "reactive", "score". */
    public String label() {
        return switch (this) {
            case P95 -> "P95";
            case REACTIVE -> "reactive";
            case SCORE -> "score";
        };
    }
}
