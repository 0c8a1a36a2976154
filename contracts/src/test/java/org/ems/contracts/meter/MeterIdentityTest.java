package org.ems.contracts.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeterIdentityTest {

    private final UUID device = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aMeterReportsOnlyItsOwnDevice() {
        assertThat(MeterIdentity.mayReport(device.toString(), device)).isTrue();
        assertThat(MeterIdentity.mayReport(device.toString(), other)).isFalse();
    }

    @Test
    void aGatewayAccountReportsAnyDevice() {
        assertThat(MeterIdentity.mayReport("meter", other)).isTrue();
        assertThat(MeterIdentity.mayReport(null, other)).as("no sender said").isTrue();
        assertThat(MeterIdentity.deviceOf("not-a-uuid-but-36-characters-long-xx"))
                .isNull();
    }

    @Test
    void aSecretMatchesOnlyItsHash() {
        String secret = MeterSecret.generate();
        String hash = MeterSecret.hash(secret);
        assertThat(secret).hasSize(32);
        assertThat(hash).doesNotContain(secret).startsWith("pbkdf2-sha256:100000:");
        assertThat(MeterSecret.matches(secret, hash)).isTrue();
        assertThat(MeterSecret.matches(secret + "x", hash)).isFalse();
        assertThat(MeterSecret.matches(secret, MeterSecret.hash(secret)))
                .as("salted: another hash")
                .isTrue();
        assertThat(MeterSecret.matches(secret, "garbage")).isFalse();
        assertThat(MeterSecret.matches(null, hash)).isFalse();
    }
}
