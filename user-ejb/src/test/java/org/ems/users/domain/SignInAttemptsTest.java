package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's rules; that instances share the counts is the cluster system test's (ClusterIT). */
class SignInAttemptsTest {

    private final long start = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    @Test
    void afterFiveAttemptsAPairWaitsAMinuteAndLongerWithEveryAttemptWhileWaiting() {
        long[] times = null;
        for (int i = 0; i < 5; i++) {
            SignInAttempts.Outcome admitted = SignInAttempts.paired(times, start + i * 1000L);
            assertThat(admitted.retryAfter()).isEmpty();
            times = admitted.times();
        }
        SignInAttempts.Outcome sixth = SignInAttempts.paired(times, start + 10_000);
        assertThat(sixth.retryAfter()).contains(Duration.ofSeconds(60));
        SignInAttempts.Outcome seventh = SignInAttempts.paired(sixth.times(), start + 20_000);
        assertThat(seventh.retryAfter()).contains(Duration.ofSeconds(120));
        SignInAttempts.Outcome eighth = SignInAttempts.paired(seventh.times(), start + 30_000);
        assertThat(eighth.retryAfter()).contains(Duration.ofSeconds(240));

        long afterTheWait = start + 30_000 + 240_000;
        assertThat(SignInAttempts.paired(eighth.times(), afterTheWait - 1).retryAfter())
                .as("still waiting")
                .isPresent();
        assertThat(SignInAttempts.paired(eighth.times(), afterTheWait).retryAfter())
                .as("one more try once the wait is over")
                .isEmpty();
    }

    @Test
    void aPairsLockGrowsToAnHourAtMost() {
        assertThat(SignInAttempts.lock(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignInAttempts.lock(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignInAttempts.lock(12)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInAttempts.lock(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aUsernameTakesAHundredAttemptsFromAnywhereAndAnAddressTwentyWithinFifteenMinutes() {
        long[] times = null;
        for (int i = 0; i < SignInAttempts.PER_USERNAME; i++) {
            SignInAttempts.Outcome admitted = SignInAttempts.windowed(times, SignInAttempts.PER_USERNAME, start + i);
            assertThat(admitted.retryAfter()).isEmpty();
            times = admitted.times();
        }
        SignInAttempts.Outcome refused = SignInAttempts.windowed(times, SignInAttempts.PER_USERNAME, start + 60_000);
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(14));
        assertThat(refused.times()).as("a refusal is not counted").isSameAs(times);
        assertThat(SignInAttempts.windowed(times, SignInAttempts.PER_USERNAME, start + SignInAttempts.WINDOW.toMillis())
                        .retryAfter())
                .as("the first attempt is 15 minutes old")
                .isEmpty();
        assertThat(SignInAttempts.PER_ADDRESS).isEqualTo(20);
    }

    @Test
    void aSuccessTakesItsAttemptBack() {
        long[] times = {start, start + 1, start + 2};
        assertThat(SignInAttempts.without(times, start + 1)).containsExactly(start, start + 2);
        assertThat(SignInAttempts.without(times, start + 7)).isSameAs(times);
    }

    @Test
    void usernamesAreCountedAsTheyAreLookedUp() {
        Instant now = Instant.now();
        SignInAttempts.Attempt plain = new SignInAttempts.Attempt("alice", "10.0.0.1", now);
        for (String spelling : new String[] {"alice ", " ALICE", "Ａｌｉｃｅ", "alice\t"}) {
            SignInAttempts.Attempt other = new SignInAttempts.Attempt(spelling, "10.0.0.1", now);
            assertThat(other.pairKey()).isEqualTo(plain.pairKey());
            assertThat(other.userKey()).isEqualTo(plain.userKey());
        }
        assertThat(plain.userKey()).isNotEqualTo(new SignInAttempts.Attempt("10.0.0.1", "x", now).addressKey());
    }
}
