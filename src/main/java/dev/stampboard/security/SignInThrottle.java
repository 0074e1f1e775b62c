package dev.stampboard.security;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per user name and per source address. After a few free failures each
 * further one locks the name (or address) for an exponentially growing time, capped; a success
 * forgets the name's failures. Kept in memory: a restart forgets, which only helps an attacker
 * who can restart the console.
 */
class SignInThrottle {

    /** How many failures a key gets before it is locked, and how the locks grow. */
    record Policy(int freeFailures, Duration firstLock, Duration maxLock) {}

    private record Failures(int count, Instant lockedUntil, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Policy perUser;
    private final Policy perAddress;
    private final IntervalFunction userBackoff;
    private final IntervalFunction addressBackoff;
    private final Clock clock;

    SignInThrottle(Policy perUser, Policy perAddress, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.userBackoff = IntervalFunction.ofExponentialBackoff(perUser.firstLock(), 2.0, perUser.maxLock());
        this.addressBackoff = IntervalFunction.ofExponentialBackoff(perAddress.firstLock(), 2.0, perAddress.maxLock());
        this.clock = clock;
    }

    /** How long the user or the address is still locked, the longer of the two. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockEnd(userKey(username)), lockEnd(addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failure; returns the lock it starts, if it starts one. */
    Optional<Duration> failed(String username, String address) {
        Duration userLock = count(userKey(username), perUser, userBackoff);
        Duration addressLock = count(addressKey(address), perAddress, addressBackoff);
        Duration longer = userLock.compareTo(addressLock) >= 0 ? userLock : addressLock;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** Forgets everything: an administrator's unlock, and between tests that share one console. */
    void forgetAll() {
        failures.clear();
    }

    private Duration count(String key, Policy policy, IntervalFunction backoff) {
        Instant now = clock.instant();
        Failures next = failures.compute(key, (k, old) -> {
            // failures a whole maximum lock ago are forgotten
            int count = old == null || old.last().plus(policy.maxLock()).isBefore(now) ? 1 : old.count() + 1;
            Instant until = count > policy.freeFailures()
                    ? now.plusMillis(backoff.apply(count - policy.freeFailures()))
                    : Instant.MIN;
            return new Failures(count, until, now);
        });
        return next.lockedUntil().isAfter(now) ? Duration.between(now, next.lockedUntil()) : Duration.ZERO;
    }

    private Instant lockEnd(String key) {
        Failures f = failures.get(key);
        return f == null ? Instant.MIN : f.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
