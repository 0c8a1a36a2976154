package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's rules; that instances share the counts is the cluster system test's (ClusterIT). */
class LoginThrottleTest {

    private final long start = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    @Test
    void afterFiveAttemptsAPairWaitsAMinuteAndLongerWithEveryAttemptWhileWaiting() {
        long[] times = null;
        for (int i = 0; i < 5; i++) {
            LoginThrottle.Outcome admitted = LoginThrottle.paired(times, start + i * 1000L);
            assertThat(admitted.retryAfter()).isEmpty();
            times = admitted.times();
        }
        LoginThrottle.Outcome sixth = LoginThrottle.paired(times, start + 10_000);
        assertThat(sixth.retryAfter()).contains(Duration.ofSeconds(60));
        LoginThrottle.Outcome seventh = LoginThrottle.paired(sixth.times(), start + 20_000);
        assertThat(seventh.retryAfter()).contains(Duration.ofSeconds(120));
        LoginThrottle.Outcome eighth = LoginThrottle.paired(seventh.times(), start + 30_000);
        assertThat(eighth.retryAfter()).contains(Duration.ofSeconds(240));

        long afterTheWait = start + 30_000 + 240_000;
        assertThat(LoginThrottle.paired(eighth.times(), afterTheWait - 1).retryAfter())
                .as("still waiting")
                .isPresent();
        assertThat(LoginThrottle.paired(eighth.times(), afterTheWait).retryAfter())
                .as("one more try once the wait is over")
                .isEmpty();
    }

    @Test
    void aPairsLockGrowsToAnHourAtMost() {
        assertThat(LoginThrottle.lock(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.lock(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.lock(12)).isEqualTo(Duration.ofHours(1));
        assertThat(LoginThrottle.lock(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aUsernameTakesAHundredAttemptsFromAnywhereAndAnAddressTwentyWithinFifteenMinutes() {
        long[] times = null;
        for (int i = 0; i < LoginThrottle.PER_USERNAME; i++) {
            LoginThrottle.Outcome admitted = LoginThrottle.windowed(times, LoginThrottle.PER_USERNAME, start + i);
            assertThat(admitted.retryAfter()).isEmpty();
            times = admitted.times();
        }
        LoginThrottle.Outcome refused = LoginThrottle.windowed(times, LoginThrottle.PER_USERNAME, start + 60_000);
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(14));
        assertThat(refused.times()).as("a refusal is not counted").isSameAs(times);
        assertThat(LoginThrottle.windowed(times, LoginThrottle.PER_USERNAME, start + LoginThrottle.WINDOW.toMillis())
                        .retryAfter())
                .as("the first attempt is 15 minutes old")
                .isEmpty();
        assertThat(LoginThrottle.PER_ADDRESS).isEqualTo(20);
    }

    @Test
    void aSuccessTakesItsAttemptBack() {
        long[] times = {start, start + 1, start + 2};
        assertThat(LoginThrottle.without(times, start + 1)).containsExactly(start, start + 2);
        assertThat(LoginThrottle.without(times, start + 7)).isSameAs(times);
    }

    @Test
    void usernamesAreCountedAsTheyAreLookedUp() {
        Instant now = Instant.now();
        LoginThrottle.Attempt plain = new LoginThrottle.Attempt("alice", "10.0.0.1", now);
        for (String spelling : new String[] {"alice ", " ALICE", "Ａｌｉｃｅ", "alice\t"}) {
            LoginThrottle.Attempt other = new LoginThrottle.Attempt(spelling, "10.0.0.1", now);
            assertThat(other.pairKey()).isEqualTo(plain.pairKey());
            assertThat(other.userKey()).isEqualTo(plain.userKey());
        }
        assertThat(plain.userKey()).isNotEqualTo(new LoginThrottle.Attempt("10.0.0.1", "x", now).addressKey());
    }
}
