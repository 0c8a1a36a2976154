package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The slow-down of guessed meter passwords (the broker's login itself is tested against a running EMS). */
class BrokerAccountsTest {

    @Test
    void fromTheFifthWrongPasswordOnUnknownOnesWaitASecondDoubledUpToAMinute() {
        BrokerAccounts.Failures failures = new BrokerAccounts.Failures(1, 0);
        for (int i = 2; i < BrokerAccounts.FAILURES_BEFORE_LOCK; i++) {
            failures = BrokerAccounts.wrongPassword(failures, 0);
            assertThat(failures.lockedUntil()).as("failure " + i).isZero();
        }
        failures = BrokerAccounts.wrongPassword(failures, 0);
        assertThat(failures.lockedUntil()).isEqualTo(1_000);
        failures = BrokerAccounts.wrongPassword(failures, 10_000);
        assertThat(failures.lockedUntil()).isEqualTo(12_000);
        for (int i = 0; i < 30; i++) {
            failures = BrokerAccounts.wrongPassword(failures, 100_000);
        }
        assertThat(failures.lockedUntil()).isEqualTo(160_000);
    }
}
