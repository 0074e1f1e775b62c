package dev.stampboard.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.security.*}. {@code publicApiDocs}: whether anonymous visitors may read the
 * OpenAPI description and Swagger UI (off: they are part of the console, behind its login).
 * {@code signIn}: how failed sign-ins are throttled per user name and per source address.
 */
@ConfigurationProperties("stampboard.security")
record SecurityProperties(boolean publicApiDocs, SignIn signIn) {

    SecurityProperties(boolean publicApiDocs, @Nullable SignIn signIn) {
        this.publicApiDocs = publicApiDocs;
        this.signIn = signIn == null ? new SignIn(null, null, null, null) : signIn;
    }

    /**
     * Free failures per user name / per address (an address can be a whole office behind NAT, so it
     * gets more), the first lock and the longest; each further failure doubles the lock.
     */
    record SignIn(Integer freeFailuresPerUser, Integer freeFailuresPerAddress, Duration firstLock, Duration maxLock) {

        SignIn(@Nullable Integer freeFailuresPerUser, @Nullable Integer freeFailuresPerAddress,
               @Nullable Duration firstLock, @Nullable Duration maxLock) {
            this.freeFailuresPerUser = freeFailuresPerUser == null ? 5 : freeFailuresPerUser;
            this.freeFailuresPerAddress = freeFailuresPerAddress == null ? 20 : freeFailuresPerAddress;
            this.firstLock = firstLock == null ? Duration.ofSeconds(5) : firstLock;
            this.maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
        }
    }
}
