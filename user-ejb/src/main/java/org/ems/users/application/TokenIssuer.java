package org.ems.users.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;

/**
 * The tokens of EMS: {@code iss}, {@code sub} (user id), {@code upn}, {@code groups} (the role), {@code aud},
 * {@code iat}, {@code exp}, {@code jti} (the sign-in). Two uses, told apart by the header's {@code typ} and by
 * {@code aud}, and neither accepted in the other's place: API tokens (MP-JWT verifies them with the matching public
 * key) and the tokens of the {@code EMS_SIGNIN} cookie, which only resume a page sign-in.
 */
public interface TokenIssuer {

    /** A signed token and when it expires. */
    record Token(String token, Instant expiresAt) {}

    /** What a token is for: its header's {@code typ} and its audience. */
    enum Use {
        /** {@code Authorization: Bearer} (and the sockets' subprotocol). */
        API("JWT", "ems-api"),
        /** The {@code EMS_SIGNIN} cookie. */
        SIGN_IN("ems-signin+jwt", "ems-signin");

        private final String type;
        private final String audience;

        Use(String type, String audience) {
            this.type = type;
            this.audience = audience;
        }

        public String type() {
            return type;
        }

        public String audience() {
            return audience;
        }
    }

    /** How long a token is valid. */
    Duration lifetime();

    /**
     * A token for {@code use} of the user's sign-in {@code sessionId} (its {@code jti}), valid from {@code issued}
     * until {@code expires} (both of the sign-in: the token says what the database keeps, to the second).
     */
    Token issue(Use use, Caller user, UUID sessionId, Instant issued, Instant expires);

    /**
     * The sign-in an {@code EMS_SIGNIN} token of ours names ({@code jti}), when its use, signature, issuer and expiry
     * hold; whether that sign-in is still active is {@link LoginSessions}' to say.
     */
    Optional<UUID> signInOf(String token, Instant now);
}
