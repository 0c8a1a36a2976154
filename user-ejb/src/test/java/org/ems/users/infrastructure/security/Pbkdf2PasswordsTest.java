package org.ems.users.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the Jakarta Security implementation Payara ships (Soteria). */
class Pbkdf2PasswordsTest {

    private static final Pbkdf2Passwords passwords = new Pbkdf2Passwords();

    @BeforeAll
    static void configure() {
        passwords.pbkdf2 = new Pbkdf2PasswordHashImpl();
        passwords.configure();
    }

    @Test
    void hashesAreSaltedPbkdf2Sha512WithTheirParameters() {
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain("correct horse");
        assertThat(passwords.hash("correct horse battery"))
                .as("a new salt each time")
                .isNotEqualTo(hash);
    }

    @Test
    void onlyTheRightPasswordMatches() {
        String hash = passwords.hash("correct horse battery");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
    }

    @Test
    void theDecoyHashMatchesNothingAUserCouldType() {
        assertThat(passwords.decoyHash()).isSameAs(passwords.decoyHash());
        assertThat(passwords.matches("", passwords.decoyHash())).isFalse();
        assertThat(passwords.matches("admin", passwords.decoyHash())).isFalse();
    }
}
