package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's rule; that instances share the failures is the cluster system test's (ClusterIT). */
class LoginThrottleTest {

    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void fiveFailuresStopItForFifteenMinutesFromTheFirst() {
        long[] times = null;
        for (int i = 0; i < 5; i++) {
            assertThat(LoginThrottle.wait(times, LoginThrottle.PER_USERNAME, start.plusSeconds(i)))
                    .isEmpty();
            times = LoginThrottle.recorded(times, start.plusSeconds(i));
        }
        assertThat(LoginThrottle.wait(times, LoginThrottle.PER_USERNAME, start.plusSeconds(60)))
                .contains(Duration.ofMinutes(14));
        assertThat(LoginThrottle.wait(times, LoginThrottle.PER_USERNAME, start.plus(LoginThrottle.WINDOW)))
                .as("the first failure is 15 minutes old")
                .isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressStopIt() {
        long[] times = null;
        for (int i = 0; i < 19; i++) {
            times = LoginThrottle.recorded(times, start);
        }
        assertThat(LoginThrottle.wait(times, LoginThrottle.PER_ADDRESS, start)).isEmpty();
        times = LoginThrottle.recorded(times, start);
        assertThat(LoginThrottle.wait(times, LoginThrottle.PER_ADDRESS, start)).contains(LoginThrottle.WINDOW);
    }

    @Test
    void failuresOlderThanTheWindowAreDroppedWhenOneIsRecorded() {
        long[] times = LoginThrottle.recorded(null, start);
        times = LoginThrottle.recorded(times, start.plus(LoginThrottle.WINDOW));
        assertThat(times).containsExactly(start.plus(LoginThrottle.WINDOW).toEpochMilli());
    }

    @Test
    void usernamesCountInAnyCaseAndApartFromAddresses() {
        assertThat(LoginThrottle.userKey("Alice")).isEqualTo(LoginThrottle.userKey("alice"));
        assertThat(LoginThrottle.userKey("10.0.0.1")).isNotEqualTo(LoginThrottle.addressKey("10.0.0.1"));
    }
}
