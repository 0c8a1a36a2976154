package org.ems.users.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use links mailed to users (confirming an address, resetting a password): only a hash of each token is kept.
 */
public interface UserTokens {

    enum Purpose {
        CONFIRM_EMAIL("confirm-email"),
        RESET_PASSWORD("reset-password");

        public final String column;

        Purpose(String column) {
            this.column = column;
        }
    }

    /** What a spent token was for. */
    record Spent(UUID userId, String email) {}

    void store(String tokenHash, UUID userId, Purpose purpose, String email, Instant expiresAt);

    /**
     * Spends the token: its row is gone, and so are the user's other tokens of the purpose; empty when it is unknown,
     * spent or expired.
     */
    Optional<Spent> spend(String tokenHash, Purpose purpose, Instant now);

    /** Deletes expired tokens. */
    int purgeExpired(Instant now);

    /** A new token: 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** What is kept of a token: its SHA-256, in hex (a random token needs no salt). */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
