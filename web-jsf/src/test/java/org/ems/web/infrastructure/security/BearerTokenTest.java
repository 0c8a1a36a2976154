package org.ems.web.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void aSocketsTokenComesAsTheSecondSubprotocol() {
        assertThat(BearerToken.fromSubprotocol("access_token, abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(BearerToken.fromSubprotocol("access_token,abc")).isEqualTo("abc");
        assertThat(BearerToken.fromSubprotocol(null)).isNull();
        assertThat(BearerToken.fromSubprotocol("chat")).isNull();
        assertThat(BearerToken.fromSubprotocol("other, abc")).isNull();
        assertThat(BearerToken.fromSubprotocol("access_token, a, b")).isNull();
    }

    @Test
    void aTokenIsNotYetValidOnlyWhenItsNotBeforeLiesBeyondTheSkew() {
        long now = Instant.now().getEpochSecond();
        assertThat(BearerToken.notYetValid(token("{\"nbf\":" + (now + 3600) + "}")))
                .isTrue();
        assertThat(BearerToken.notYetValid(token("{\"nbf\":" + (now + BearerToken.SKEW_SECONDS - 5) + "}")))
                .isFalse();
        assertThat(BearerToken.notYetValid(token("{\"nbf\":" + (now - 10) + "}")))
                .isFalse();
        assertThat(BearerToken.notYetValid(token("{}"))).isFalse();
        assertThat(BearerToken.notYetValid("not a token"))
                .as("malformed: left to MP-JWT")
                .isFalse();
        assertThat(BearerToken.notYetValid("a.%%%.c")).isFalse();
    }

    @Test
    void theSignInOfATokenIsItsJti() {
        UUID id = UUID.randomUUID();
        assertThat(BearerToken.tokenId(token("{\"jti\":\"" + id + "\"}"))).contains(id);
        assertThat(BearerToken.tokenId(token("{\"jti\":\"not-a-uuid\"}"))).isEmpty();
        assertThat(BearerToken.tokenId(token("{\"jti\":42}"))).isEmpty();
        assertThat(BearerToken.tokenId(token("{}"))).isEmpty();
        assertThat(BearerToken.tokenId("garbage")).isEmpty();
    }

    private static String token(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }
}
