package org.ems.users.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.users.application.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens name their sign-in, and only a token of ours, unexpired and untouched, is read back (the sign-in cookie). */
class JwtTokenIssuerTest {

    private final JwtTokenIssuer issuer = new JwtTokenIssuer();
    private final Caller alice = new Caller(UUID.randomUUID(), "alice", "CLIENT");

    @TempDir
    Path keys;

    @BeforeEach
    void key() throws Exception {
        issuer.privateKeyLocation = pem("key.pem");
        issuer.issuer = "ems";
        issuer.lifetime = Duration.ofMinutes(15);
        issuer.loadKey();
    }

    private String pem(String name) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Path file = keys.resolve(name);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return file.toString();
    }

    @Test
    void aTokenNamesItsSignInUntilItExpires() {
        UUID signIn = UUID.randomUUID();
        Instant now = Instant.now();
        String token = issuer.issue(TokenIssuer.Use.SIGN_IN, alice, signIn, now, now.plusSeconds(60))
                .token();
        assertThat(issuer.signInOf(token, now)).contains(signIn);
        assertThat(issuer.signInOf(token, now.plusSeconds(60))).as("expired").isEmpty();
    }

    @Test
    void aTokenAlteredOrSignedWithAnotherKeyIsNotOurs() throws Exception {
        Instant now = Instant.now();
        String token = issuer.issue(TokenIssuer.Use.SIGN_IN, alice, UUID.randomUUID(), now, now.plusSeconds(60))
                .token();
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"iss\":\"ems\",\"jti\":\"" + UUID.randomUUID() + "\",\"exp\":"
                                + now.plusSeconds(600).getEpochSecond() + "}")
                        .getBytes());
        assertThat(issuer.signInOf(parts[0] + "." + otherClaims + "." + parts[2], now))
                .isEmpty();
        assertThat(issuer.signInOf("not a token", now)).isEmpty();

        JwtTokenIssuer other = new JwtTokenIssuer();
        other.privateKeyLocation = pem("other.pem");
        other.issuer = "ems";
        other.lifetime = Duration.ofMinutes(15);
        other.loadKey();
        assertThat(issuer.signInOf(
                        other.issue(TokenIssuer.Use.SIGN_IN, alice, UUID.randomUUID(), now, now.plusSeconds(60))
                                .token(),
                        now))
                .isEmpty();
    }

    @Test
    void anApiTokenDoesNotResumeAPageSignIn() throws Exception {
        Instant now = Instant.now();
        String api = issuer.issue(TokenIssuer.Use.API, alice, UUID.randomUUID(), now, now.plusSeconds(60))
                .token();
        assertThat(issuer.signInOf(api, now)).isEmpty();
        var jwt = com.nimbusds.jwt.SignedJWT.parse(api);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("ems-api");
        var cookie = com.nimbusds.jwt.SignedJWT.parse(
                issuer.issue(TokenIssuer.Use.SIGN_IN, alice, UUID.randomUUID(), now, now.plusSeconds(60))
                        .token());
        assertThat(cookie.getHeader().getType().getType()).isEqualTo("ems-signin+jwt");
        assertThat(cookie.getJWTClaimsSet().getAudience()).containsExactly("ems-signin");
    }
}
