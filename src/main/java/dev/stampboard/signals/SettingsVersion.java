package dev.stampboard.signals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The version of the signals settings ({@code signal_settings_version}): the thresholds and every region's own
 * settings share one counter, raised in the transaction of every change. {@link SignalSettingsService} remembers
 * which version its memory holds and applies what the follower read only when the stored version is newer.
 */
@Repository
class SettingsVersion {

    private final JdbcClient jdbc;

    SettingsVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed version. */
    long current() {
        return jdbc.sql("select version from signal_settings_version where id = 1")
                .query(Long.class)
                .single();
    }

    /**
     * Raises the version in the caller's transaction and returns the new value. The row stays locked until that
     * transaction ends, so changes made on different instances take turns and each gets its own version.
     */
    long raise() {
        jdbc.sql("update signal_settings_version set version = version + 1 where id = 1")
                .update();
        return current();
    }
}
