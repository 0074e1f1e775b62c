package dev.stampboard.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.security.*}.
 * <ul>
 * <li>{@code publicApiDocs}: whether anonymous visitors may read the OpenAPI description and Swagger
 * UI (off: they are part of the console, behind its login).</li>
 * <li>{@code demoUsers}: whether the configured demo users ({@code stampboard.users}) are created; on in
 * the default (demo) profile, off in {@code postgres} and {@code azure}.</li>
 * <li>{@code initialAdmin}: the administrator created on the first start without demo users, its
 * password from a secret ({@code STAMPBOARD_ADMIN_PASSWORD}).</li>
 * <li>{@code signIn}: how failed sign-ins are throttled per user name and per source address.</li>
 * </ul>
 */
@ConfigurationProperties("stampboard.security")
record SecurityProperties(boolean publicApiDocs, Boolean demoUsers, InitialAdmin initialAdmin, SignIn signIn) {

    SecurityProperties(
            boolean publicApiDocs,
            @Nullable Boolean demoUsers,
            @Nullable InitialAdmin initialAdmin,
            @Nullable SignIn signIn) {
        this.publicApiDocs = publicApiDocs;
        this.demoUsers = demoUsers == null || demoUsers;
        this.initialAdmin = initialAdmin == null ? new InitialAdmin(null, null) : initialAdmin;
        this.signIn = signIn == null ? new SignIn(null, null, null, null) : signIn;
    }

    record InitialAdmin(String username, @Nullable String password) {

        InitialAdmin(@Nullable String username, @Nullable String password) {
            this.username = username == null || username.isBlank() ? "admin" : username.strip();
            this.password = password == null || password.isBlank() ? null : password;
        }
    }

    /**
     * Free failures per user name / per address (an address can be a whole office behind NAT, so it
     * gets more), the first lock and the longest; each further failure doubles the lock.
     */
    record SignIn(Integer freeFailuresPerUser, Integer freeFailuresPerAddress, Duration firstLock, Duration maxLock) {

        SignIn(
                @Nullable Integer freeFailuresPerUser,
                @Nullable Integer freeFailuresPerAddress,
                @Nullable Duration firstLock,
                @Nullable Duration maxLock) {
            this.freeFailuresPerUser = freeFailuresPerUser == null ? 5 : freeFailuresPerUser;
            this.freeFailuresPerAddress = freeFailuresPerAddress == null ? 20 : freeFailuresPerAddress;
            this.firstLock = firstLock == null ? Duration.ofSeconds(5) : firstLock;
            this.maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
        }
    }
}
