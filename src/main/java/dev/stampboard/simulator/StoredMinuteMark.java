package dev.stampboard.simulator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newest simulated minute whose telemetry is stored ({@code simulator_state.stored_minute}, V140), and the claim
 * that stores a minute once among all console instances: raised, only upwards, in the transaction that stores the
 * minute's rows.
 */
final class StoredMinuteMark {

    private final JdbcClient jdbc;

    StoredMinuteMark(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest stored minute, {@link Long#MIN_VALUE} when none is. */
    long storedThrough() {
        return jdbc.sql("select coalesce(stored_minute, cast(? as bigint)) from simulator_state where id = 1")
                .param(Long.MIN_VALUE)
                .query(Long.class)
                .optional()
                .orElse(Long.MIN_VALUE);
    }

    /**
     * Claims {@code minute} in the caller's transaction: true when no instance had stored it or a later one. A second
     * instance claiming the same minute at once waits for the first one's row lock and then finds it raised. The
     * clock's row must exist (the simulator stores the clock before it generates).
     */
    boolean claim(long minute) {
        return jdbc.sql("update simulator_state set stored_minute = ? where id = 1"
                                + " and (stored_minute is null or stored_minute < ?)")
                        .params(minute, minute)
                        .update()
                == 1;
    }
}
