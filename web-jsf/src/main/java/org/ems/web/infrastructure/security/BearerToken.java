package org.ems.web.infrastructure.security;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.UUID;

/** Where bearer tokens come from, and the one rule Payara's MP-JWT does not check. */
final class BearerToken {

    /** Clock skew allowed on {@code nbf}, as on {@code exp}. */
    static final long SKEW_SECONDS = 60;

    private BearerToken() {}

    /** The JWT of a {@code Sec-WebSocket-Protocol: access_token, <jwt>} header, or null. */
    static String fromSubprotocol(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.split(",");
        return parts.length == 2 && parts[0].trim().equals("access_token") ? parts[1].trim() : null;
    }

    /** The request as if the token had come as {@code Authorization: Bearer}. */
    static HttpServletRequest asAuthorization(HttpServletRequest request, String token) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Authorization".equalsIgnoreCase(name) ? "Bearer " + token : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Authorization".equalsIgnoreCase(name)
                        ? Collections.enumeration(java.util.List.of("Bearer " + token))
                        : super.getHeaders(name);
            }
        };
    }

    /** The token's {@code jti} (the sign-in it belongs to); read unverified, so only after the signature check. */
    static Optional<UUID> tokenId(String token) {
        return claims(token)
                .map(c -> c.get("jti"))
                .filter(JsonString.class::isInstance)
                .flatMap(jti -> {
                    try {
                        return Optional.of(UUID.fromString(((JsonString) jti).getString()));
                    } catch (IllegalArgumentException notOurs) {
                        return Optional.empty();
                    }
                });
    }

    /**
     * Whether the token's {@code nbf} lies ahead (Payara accepts such a token). Read without checking the signature:
     * a forged token that passes here is refused by the signature check after.
     */
    static boolean notYetValid(String token) {
        JsonValue nbf = claims(token).map(c -> c.get("nbf")).orElse(null);
        return nbf instanceof JsonNumber seconds
                && seconds.longValue() > Instant.now().getEpochSecond() + SKEW_SECONDS;
    }

    /** The token's claims, unverified; empty when it is malformed (MP-JWT refuses it). */
    private static Optional<JsonObject> claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
