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
            assertThat(Credentials.of(List.of(header), null, null, false))
                    .isEqualTo(new Credentials.Token(API, Optional.empty()));
        }
        assertThat(Credentials.of(List.of(), null, null, false)).isInstanceOf(Credentials.None.class);
        assertThat(Credentials.of(List.of(), null, "date=2026-12-01", false)).isInstanceOf(Credentials.None.class);
    }

    @Test
    void anApiKeyIsToldFromATokenByItsPrefixAndTakenInTheHeaderAlone() {
        String key = "ems_" + "Ab-_9".repeat(8) + "xyz";
        assertThat(Credentials.of(List.of("Bearer " + key), null, null, false)).isEqualTo(new Credentials.Key(key));
        assertThat(Credentials.of(List.of(), "access_token, " + key, null, false))
                .as("a key opens no socket")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of(), null, "access_token=" + key, false))
                .isInstanceOf(Credentials.Refused.class);
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
            assertThat(Credentials.of(List.of(header), null, null, false))
                    .as(header)
                    .isInstanceOf(Credentials.Refused.class);
        }
        assertThat(Credentials.of(List.of("Bearer " + API, "Bearer " + API), null, null, false))
                .as("two headers")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of(), null, "access_token=" + API, false))
                .as("in the query string")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Bearer " + API), "access_token, " + API, null, false))
                .as("both ways")
                .isInstanceOf(Credentials.Refused.class);
    }

    @Test
    void onlyTokensIssuedForTheApiAreTaken() {
        String signIn = token("ems-signin+jwt", "\"aud\":\"ems-signin\"");
        String noAudience = token("JWT", "\"sub\":\"x\"");
        String otherAudience = token("JWT", "\"aud\":[\"ems-signin\"]");
        for (String token : List.of(signIn, noAudience, otherAudience, "not-a-jwt", "a.b.c")) {
            assertThat(Credentials.of(List.of("Bearer " + token), null, null, false))
                    .as(token)
                    .isInstanceOf(Credentials.Refused.class);
        }
        String listed = token("JWT", "\"aud\":[\"other\",\"ems-api\"]");
        assertThat(Credentials.of(List.of("Bearer " + listed), null, null, false))
                .isEqualTo(new Credentials.Token(listed, Optional.empty()));
    }

    @Test
    void aTokenBeforeItsNotBeforeIsRefused() {
        long now = Instant.now().getEpochSecond();
        String later = token("JWT", "\"aud\":\"ems-api\",\"nbf\":" + (now + 3600));
        String withinSkew = token("JWT", "\"aud\":\"ems-api\",\"nbf\":" + (now + Credentials.SKEW_SECONDS - 5));
        assertThat(Credentials.of(List.of("Bearer " + later), null, null, false))
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Bearer " + withinSkew), null, null, false))
                .isInstanceOf(Credentials.Token.class);
    }

    @Test
    void aSocketsTokenComesAsTheSecondSubprotocol() {
        assertThat(Credentials.of(List.of(), "access_token, " + API, null, false))
                .isEqualTo(new Credentials.Token(API, Optional.empty()));
        assertThat(Credentials.of(List.of(), "access_token," + API, null, false))
                .isEqualTo(new Credentials.Token(API, Optional.empty()));
        assertThat(Credentials.of(List.of(), "chat", null, false)).isInstanceOf(Credentials.None.class);
        assertThat(Credentials.of(List.of(), "access_token, a, b", null, false))
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of(), "access_token", null, false)).isInstanceOf(Credentials.Refused.class);
    }

    @Test
    void theSignInOfATokenIsItsJti() {
        UUID id = UUID.randomUUID();
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":\"" + id + "\"")))
                .contains(id);
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":\"not-a-uuid\"")))
                .isEmpty();
        assertThat(signIn(token("JWT", "\"aud\":\"ems-api\",\"jti\":42"))).isEmpty();
        assertThat(Credentials.of(List.of("Bearer garbage"), null, null, false))
                .isInstanceOf(Credentials.Refused.class);
    }

    private static Optional<UUID> signIn(String token) {
        return ((Credentials.Token) Credentials.of(List.of("Bearer " + token), null, null, false)).signIn();
    }

    private static String token(String type, String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(("{" + claims + "}").getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void httpBasicIsAMeterCredentialOnTheReadingsEndpointAlone() {
        String basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10:pa:ss"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Credentials.of(List.of(basic), null, null, true))
                .isEqualTo(new Credentials.Meter("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10", "pa:ss"));
        assertThat(Credentials.of(List.of(basic), null, null, false)).isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Basic bm9jb2xvbg=="), null, null, true))
                .as("no colon")
                .isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Basic !!!"), null, null, true)).isInstanceOf(Credentials.Refused.class);
        assertThat(Credentials.of(List.of("Bearer " + API), null, null, true)).isInstanceOf(Credentials.Token.class);
    }
}
