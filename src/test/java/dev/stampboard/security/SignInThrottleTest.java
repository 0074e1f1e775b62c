package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Policy(3, Duration.ofSeconds(5), Duration.ofMinutes(15)),
            new SignInThrottle.Policy(10, Duration.ofSeconds(5), Duration.ofMinutes(15)),
            clock);

    @Test
    void free_failures_then_locks_that_double_up_to_the_cap() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("alice", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.failed("alice", "10.0.0.1")).contains(Duration.ofSeconds(5));
        assertThat(throttle.lockedFor("alice", "10.0.0.2")).contains(Duration.ofSeconds(5));
        assertThat(throttle.lockedFor("bob", "10.0.0.2")).isEmpty();
        now = now.plusSeconds(5);
        assertThat(throttle.lockedFor("alice", "10.0.0.2")).isEmpty();
        assertThat(throttle.failed("alice", "10.0.0.1")).contains(Duration.ofSeconds(10));
        assertThat(throttle.failed("alice", "10.0.0.1")).contains(Duration.ofSeconds(20));
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "10.0.0.3");
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.4")).contains(Duration.ofMinutes(15));
    }

    @Test
    void an_address_trying_many_names_is_locked_for_all_of_them() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("user" + i, "10.0.0.9")).isEmpty();
        }
        assertThat(throttle.failed("user10", "10.0.0.9")).contains(Duration.ofSeconds(5));
        assertThat(throttle.lockedFor("carol", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedFor("carol", "10.0.0.8")).isEmpty();
    }

    @Test
    void a_success_forgets_the_names_failures() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice");
        assertThat(throttle.failed("alice", "10.0.0.1")).isEmpty();
    }
}
