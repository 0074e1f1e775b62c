package dev.stampboard.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether local users may sign in with a password, as an administrator last set it (on until switched off).
 * Read on every password check, so switching it off takes effect at once on every console instance.
 */
@Component
class LocalSignInSetting {

    static final String NAME = "security.local-sign-in";

    private final JdbcClient jdbc;

    LocalSignInSetting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled() {
        return jdbc.sql("select setting_value from security_setting where name = ?")
                .param(NAME)
                .query(String.class)
                .optional()
                .map(Boolean::parseBoolean)
                .orElse(true);
    }
}
