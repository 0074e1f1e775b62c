package dev.stampboard.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a console without demo users may start: it needs an administrator, either one the database already holds or
 * the initial one made from the secret ({@code stampboard.security.initial-admin.password}), which must be at least
 * {@link #MIN_PASSWORD} characters. One decision for both places that refuse a start: {@link RefuseStartWithoutAdministrator}
 * before anything else starts, and {@link UserAccounts} once the users are prepared.
 */
final class InitialAdministrator {

    /** An initial administrator's password is at least this long (it is typed once, from a secret store). */
    static final int MIN_PASSWORD = 12;

    private InitialAdministrator() {}

    /** Why the start must stop, or empty when it may go on ({@code password} as bound: blank is null). */
    static Optional<String> refusal(boolean databaseHasAnAdministrator, @Nullable String password) {
        if (databaseHasAnAdministrator) {
            return Optional.empty();
        }
        if (password == null) {
            return Optional.of("The console has no administrator yet and no password for the initial one"
                    + " (stampboard.security.initial-admin.password, from STAMPBOARD_ADMIN_PASSWORD).");
        }
        if (password.length() < MIN_PASSWORD) {
            return Optional.of("The initial administrator's password is shorter than " + MIN_PASSWORD + " characters.");
        }
        return Optional.empty();
    }

    /** Whether the secret alone lets a start go on, whatever the database holds. */
    static boolean passwordSuffices(@Nullable String password) {
        return refusal(false, password).isEmpty();
    }
}
