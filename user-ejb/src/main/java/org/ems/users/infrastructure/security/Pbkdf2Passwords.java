package org.ems.users.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.ems.users.domain.Passwords;

/**
 * Password hashing for EMS accounts: PBKDF2-HMAC-SHA512 with 210,000 iterations and a 32-byte random salt (OWASP's
 * 2023 recommendation), in the Jakarta Security format that carries its own parameters, so stronger settings later
 * still verify old hashes.
 */
@ApplicationScoped
public class Pbkdf2Passwords implements Passwords {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    private volatile String decoy;

    @Override
    public String decoyHash() {
        if (decoy == null) {
            decoy = hash(java.util.UUID.randomUUID().toString());
        }
        return decoy;
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }
}
