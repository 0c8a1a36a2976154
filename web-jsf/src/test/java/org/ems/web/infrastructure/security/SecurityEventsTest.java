package org.ems.web.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventsTest {

    @Test
    void oneLineInAFixedFormatWhateverTheAttackerSent() {
        Instant at = Instant.parse("2026-12-03T10:15:30.123Z");
        assertThat(SecurityEvents.line(at, SecurityEvents.Event.SIGN_IN_FAILED, "alice", "203.0.113.7", "wrong"))
                .isEqualTo("ems-security time=2026-12-03T10:15:30.123Z event=sign-in-failed user=alice"
                        + " address=203.0.113.7 reason=\"wrong\"");
        String forged = SecurityEvents.line(
                at, SecurityEvents.Event.SIGN_IN_FAILED, "x\nems-security event=ok user=admin \"", null, "r\"q");
        assertThat(forged)
                .doesNotContain("\n")
                .contains("user=x?ems-security?event?ok?user?admin?? ")
                .contains("address=-")
                .endsWith("reason=\"r'q\"");
    }
}
