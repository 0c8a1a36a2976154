package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aPasswordOfTenToAThousandCharactersThatIsNotTheUsernameIsFine() {
        assertThat(PasswordPolicy.violation("alice", "0123456789")).isNull();
        assertThat(PasswordPolicy.violation("alice", "x".repeat(1000))).isNull();
    }

    @Test
    void tooShortTooLongOrTheUsernameIsRefusedWithTheReason() {
        assertThat(PasswordPolicy.violation("alice", null)).isEqualTo("password must have at least 10 characters");
        assertThat(PasswordPolicy.violation("alice", "123456789"))
                .isEqualTo("password must have at least 10 characters");
        assertThat(PasswordPolicy.violation("alice", "x".repeat(1001)))
                .isEqualTo("password must have at most 1000 characters");
        assertThat(PasswordPolicy.violation("long-username", "LONG-USERNAME"))
                .as("in any case")
                .isEqualTo("password must not be the username");
    }
}
