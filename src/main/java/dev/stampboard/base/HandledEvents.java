package dev.stampboard.base;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a cross-module listener idempotent: an event can be delivered more than once (redelivered by
 * {@link OutstandingEvents} after a crash between the listener's commit and the publication's completion, or by two
 * instances). A listener whose effect is not idempotent by itself asks {@link #firstTime} inside the transaction of
 * its effect; the key is stored with the effect (table {@code event_handled}, V92), so a rolled-back effect leaves it
 * free and a committed one makes every later delivery a no-op.
 */
@Component
public class HandledEvents {

    private final JdbcClient jdbc;

    HandledEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True the first time {@code listener} handles {@code key}; false when it already did (committed). Must run in the
     * transaction of the listener's effect. Two instances at once: the second waits for the first and gets false, or
     * fails its transaction on the key (PostgreSQL), which leaves its effect undone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String listener, String key) {
        try {
            return jdbc.sql("insert into event_handled (listener, event_key, handled_at)"
                                    + " select ?, ?, current_timestamp from (values (1)) v where not exists"
                                    + " (select 1 from event_handled where listener = ? and event_key = ?)")
                            .params(listener, key, listener, key)
                            .update()
                    == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
