package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void fiveFailuresForOneUsernameStopItForFifteenMinutesFromTheFirst() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter("Alice", "10.0.0." + i, start.plusSeconds(i)))
                    .isEmpty();
            throttle.failed("Alice", "10.0.0." + i, start.plusSeconds(i));
        }
        assertThat(throttle.retryAfter("alice", "10.0.0.9", start.plusSeconds(60)))
                .as("usernames in any case, from any address")
                .contains(Duration.ofMinutes(14));
        assertThat(throttle.retryAfter("bob", "10.0.0.9", start.plusSeconds(60)))
                .as("another user")
                .isEmpty();
        assertThat(throttle.retryAfter("alice", "10.0.0.9", start.plus(LoginThrottle.WINDOW)))
                .as("the first failure is 15 minutes old")
                .isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressStopItForEveryUsername() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.1", start);
        }
        assertThat(throttle.retryAfter("someone-new", "10.0.0.1", start)).contains(LoginThrottle.WINDOW);
        assertThat(throttle.retryAfter("someone-new", "10.0.0.2", start)).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsernamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1", start);
        }
        throttle.succeeded("ALICE");
        throttle.failed("alice", "10.0.0.1", start);
        assertThat(throttle.retryAfter("alice", "10.0.0.1", start)).isEmpty();
    }
}
