package org.ems.web.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final String API = token("JWT", "\"aud\":\"ems-api\"");

    @Test
    void aBearerTokenInAnyCaseOfTheSchemeIsTheCredential() {
        for (String header : List.of("Bearer " + API, "bearer " + API, "BEARER  " + API)) {
            assertThat(Credentials.of(List.of(header), null, null))
                    .isEqualTo(new Credentials.Token(API, Optional.empty()));
        }
        assertThat(Credentials.of(List.of(), null, null)).isInstanceOf(Credentials.None.class);
        assertThat(Credentials.of(List.of(), null, "date=2026-12-01")).isInstanceOf(Credentials.None.class);
    }

    @Test
    void everyOtherSpellingIsRefusedNotPassedOn() {
        for (String header : List.of(
                API,
                "Bearer" + API,
                "Bearer: " + API,
                "Token " + API,
                "Basic dXNlcjpwYXNz",
                "Bearer " + API + " extra",
                "Bearer " + API + "," + API,
                "Bearer ")) {
            assertThat(Credentials.of(List.of(header), null, null)).as(header).isInstanceOf(Credentials.Refused.class);
        }
        assertThat(Credentials.of(List.of("Bearer " + API, "Bearer " + API), null, null))
                .as("two headers")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of(), null, "access_token=" + API))
                .as("in the query string")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Bearer " + API), "access_token, " + API, null))
                .as("both ways")
                .isInstanceOf(Credentials.Refused.class);
    }

    @Test
    void onlyTokensIssuedForTheApiAreTaken() {
        String signIn = token("ems-signin+jwt", "\"aud\":\"ems-signin\"");
        String noAudience = token("JWT", "\"sub\":\"x\"");
        String otherAudience = token("JWT", "\"aud\":[\"ems-signin\"]");
        for (String token : List.of(signIn, noAudience, otherAudience, "not-a-jwt", "a.b.c")) {
            assertThat(Credentials.of(List.of("Bearer " + token), null, null))
                    .as(token)
                    .isInstanceOf(Credentials.Refused.class);
        }
        String listed = token("JWT", "\"aud\":[\"other\",\"ems-api\"]");
        assertThat(Credentials.of(List.of("Bearer " + listed), null, null))
                .isEqualTo(new Credentials.Token(listed, Optional.empty()));
    }

    @Test
    void aTokenBeforeItsNotBeforeIsRefused() {
        long now = Instant.now().getEpochSecond();
        String later = token("JWT", "\"aud\":\"ems-api\",\"nbf\":" + (now + 3600));
        String withinSkew = token("JWT", "\"aud\":\"ems-api\",\"nbf\":" + (now + Credentials.SKEW_SECONDS - 5));
        assertThat(Credentials.of(List.of("Bearer " + later), null, null)).isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Bearer " + withinSkew), null, null)).isInstanceOf(Credentials.Token.class);
    }

    @Test
    void aSocketsTokenComesAsTheSecondSubprotocol() {
        assertThat(Credentials.of(List.of(), "access_token, " + API, null))
                .isEqualTo(new Credentials.Token(API, Optional.empty()));
        assertThat(Credentials.of(List.of(), "access_token," + API, null))
                .isEqualTo(new Credentials.Token(API, Optional.empty()));
        assertThat(Credentials.of(List.of(), "chat", null)).isInstanceOf(Credentials.None.class);
        assertThat(Credentials.of(List.of(), "access_token, a, b", null)).isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of(), "access_token", null)).isInstanceOf(Credentials.Refused.class);
    }

    @Test
    void theSignInOfATokenIsItsJti() {
        UUID id = UUID.randomUUID();
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":\"" + id + "\"")))
                .contains(id);
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":\"not-a-uuid\"")))
                .isEmpty();
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":42"))).isEmpty();
        assertThat(Credentials.of(List.of("Bearer garbage"), null, null)).isInstanceOf(Credentials.Refused.class);
    }

    private static Optional<UUID> signIn(String token) {
        return ((Credentials.Token) Credentials.of(List.of("Bearer " + token), null, null)).signIn();
    }

    private static String token(String type, String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(("{" + claims + "}").getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
