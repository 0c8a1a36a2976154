package org.ems.contracts.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterLoginsTest {

    private static final UUID METER = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");

    @Test
    void fromTheFifthWrongPasswordOnUnknownOnesWaitASecondDoubledUpToAMinute() {
        MeterLogins.Failures failures = new MeterLogins.Failures(1, 0);
        for (int i = 2; i < MeterLogins.FAILURES_BEFORE_LOCK; i++) {
            failures = MeterLogins.wrongPassword(failures, 0);
            assertThat(failures.lockedUntil()).as("failure " + i).isZero();
        }
        failures = MeterLogins.wrongPassword(failures, 0);
        assertThat(failures.lockedUntil()).isEqualTo(1_000);
        failures = MeterLogins.wrongPassword(failures, 10_000);
        assertThat(failures.lockedUntil()).isEqualTo(12_000);
        for (int i = 0; i < 30; i++) {
            failures = MeterLogins.wrongPassword(failures, 100_000);
        }
        assertThat(failures.lockedUntil()).isEqualTo(160_000);
    }

    @Test
    void theStoredHashDecidesEveryTimeAndAGuesserIsRefusedUnreadWhileTheOwnerStillGetsIn() {
        String password = MeterSecret.generate();
        Map<UUID, String> stored = new HashMap<>(Map.of(METER, MeterSecret.hash(password)));
        AtomicInteger reads = new AtomicInteger();
        MeterLogins logins = new MeterLogins(
                device -> {
                    reads.incrementAndGet();
                    return stored.get(device);
                },
                java.util.Optional.of(new MeterLogins.Gateway("meter", "gateway-secret")));
        assertThat(logins.admits("meter", "gateway-secret", false)).isTrue();
        assertThat(logins.admits("meter", "gateway-secre", false)).isFalse();
        assertThat(logins.admits("someone", "gateway-secret", false)).isFalse();
        assertThat(logins.check(METER, password, false)).isTrue();
        assertThat(logins.check(METER, password, true))
                .as("again at once: trusted unread")
                .isTrue();
        assertThat(reads).hasValue(1);

        for (int i = 0; i < MeterLogins.FAILURES_BEFORE_LOCK; i++) {
            assertThat(logins.check(METER, "guess-" + i, false)).isFalse();
        }
        int before = reads.get();
        assertThat(logins.check(METER, "one-more-guess", false)).isFalse();
        assertThat(reads).as("a locked guess reads nothing").hasValue(before);
        assertThat(logins.check(METER, password, false))
                .as("the owner meanwhile")
                .isTrue();

        stored.remove(METER); // revoked
        assertThat(logins.check(METER, password, false)).isFalse();
    }
}
