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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ems.users.application.TokenIssuer;
import org.ems.users.domain.ApiKey;

/**
 * The one place that decides what a request presents as its credential: {@code Authorization: Bearer <token>}
 * (the scheme in any case; an API key is told from a JWT by its prefix {@code ems_}), or on a WebSocket handshake the subprotocol {@code access_token, <token>} that browsers can
 * send; on {@code POST /api/readings} alone, a meter's HTTP Basic credential. Anything else that looks like a credential (another scheme, two headers, a token both ways or in the query
 * string, an {@code EMS_SIGNIN} token or any other token not issued for the API) is refused, never passed on. A token
 * that passes here still needs its signature, expiry and active sign-in checked.
 */
final class Credentials {

    /** What the request presents. */
    sealed interface Credential {}

    /** No credential: the page session, if any, decides. */
    record None() implements Credential {}

    /** An API token, to be verified, and the sign-in it names ({@code jti}, read unverified: trusted only after). */
    record Token(String value, Optional<UUID> signIn) implements Credential {}

    /** An API key of a back-office system ({@code ems_...}), for the REST API alone. */
    record Key(String value) implements Credential {}

    /** A meter's (or the gateway's) account, accepted on {@code POST /api/readings} alone (HTTP Basic). */
    record Meter(String username, String password) implements Credential {}

    /** Something that is not an acceptable credential: a 401. */
    record Refused(String reason) implements Credential {}

    /** Clock skew allowed on {@code nbf}, as on {@code exp}. */
    static final long SKEW_SECONDS = 60;

    /** The one request that takes HTTP Basic: meters posting readings. */
    static final String READINGS_PATH = "/api/readings";

    /** RFC 7617's credentials. */
    private static final Pattern BASIC = Pattern.compile("(?i)basic +([A-Za-z0-9+/]+=*) *");

    /** RFC 6750's b64token. */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    private Credentials() {}

    static Credential of(HttpServletRequest request) {
        return of(
                Collections.list(request.getHeaders("Authorization")),
                request.getServletPath().startsWith("/ws/") ? request.getHeader("Sec-WebSocket-Protocol") : null,
                request.getQueryString(),
                isMeterRequest(request));
    }

    /** Whether the request posts readings, as meters do (the one place for HTTP Basic). */
    static boolean isMeterRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && READINGS_PATH.equals(request.getServletPath() + Objects.toString(request.getPathInfo(), ""));
    }

    /** The value of the request's one {@code Authorization: Bearer} header, not checked any further. */
    static Optional<String> bearer(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        Matcher bearer = BEARER.matcher(headers.size() == 1 ? headers.get(0) : "");
        return bearer.matches() ? Optional.of(bearer.group(1)) : Optional.empty();
    }

    /**
     * @param headers the request's {@code Authorization} headers
     * @param subprotocol a handshake's {@code Sec-WebSocket-Protocol}, null on other requests
     */
    static Credential of(List<String> headers, String subprotocol, String query, boolean meterRequest) {
        Optional<Credential> fromSubprotocol = fromSubprotocol(subprotocol);
        if (query != null && query.matches("(?i)(.*&)?(access_token|token|jwt)=.*")) {
            return new Refused("a token in the query string");
        }
        if (headers.size() > 1) {
            return new Refused("more than one Authorization header");
        }
        if (headers.size() == 1) {
            if (fromSubprotocol.isPresent()) {
                return new Refused("a credential both in Authorization and as subprotocol");
            }
            Matcher basic = BASIC.matcher(headers.get(0));
            if (meterRequest && basic.matches()) {
                return meter(basic.group(1));
            }
            Matcher bearer = BEARER.matcher(headers.get(0));
            if (!bearer.matches()) {
                return new Refused("Authorization is not 'Bearer <token>'");
            }
            return bearer.group(1).startsWith(ApiKey.PREFIX) ? new Key(bearer.group(1)) : token(bearer.group(1));
        }
        return fromSubprotocol.orElse(new None());
    }

    /** RFC 7617: base64 of {@code user:password} in UTF-8. */
    private static Credential meter(String base64) {
        try {
            String pair = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0
                    ? new Meter(pair.substring(0, colon), pair.substring(colon + 1))
                    : new Refused("Basic credential without 'user:password'");
        } catch (IllegalArgumentException malformed) {
            return new Refused("Basic credential is not base64");
        }
    }

    /** {@code access_token, <jwt>}; another subprotocol is not a credential (and not ours). */
    private static Optional<Credential> fromSubprotocol(String header) {
        if (header == null || !header.strip().startsWith("access_token")) {
            return Optional.empty();
        }
        String[] parts = header.split(",");
        return Optional.of(
                parts.length == 2 && parts[0].strip().equals("access_token")
                        ? token(parts[1].strip())
                        : new Refused("subprotocol is not 'access_token, <token>'"));
    }

    /** A token of the API's use (not an {@code EMS_SIGNIN} one), not before its {@code nbf}. */
    private static Credential token(String token) {
        if (token.startsWith(ApiKey.PREFIX)) {
            return new Refused("an API key, which is for the REST API only");
        }
        Optional<JsonObject[]> parts = decoded(token);
        if (parts.isEmpty()) {
            return new Refused("not a JWT");
        }
        JsonObject header = parts.get()[0];
        JsonObject claims = parts.get()[1];
        TokenIssuer.Use api = TokenIssuer.Use.API;
        if (!(header.get("typ") instanceof JsonString typ && typ.getString().equals(api.type()))) {
            return new Refused("not an API token (typ)");
        }
        JsonValue audience = claims.get("aud");
        boolean forApi = audience instanceof JsonString one
                ? one.getString().equals(api.audience())
                : audience != null
                        && audience.getValueType() == JsonValue.ValueType.ARRAY
                        && audience.asJsonArray().contains(Json.createValue(api.audience()));
        if (!forApi) {
            return new Refused("not an API token (aud)");
        }
        // Payara's MP-JWT does not check nbf.
        if (claims.get("nbf") instanceof JsonNumber nbf
                && nbf.longValue() > Instant.now().getEpochSecond() + SKEW_SECONDS) {
            return new Refused("token not yet valid");
        }
        return new Token(token, signIn(claims.get("jti")));
    }

    private static Optional<UUID> signIn(JsonValue jti) {
        if (!(jti instanceof JsonString id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.getString()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * A JWT's header and claims, read without checking the signature: what is refused here costs no verification,
     * and what passes is verified after.
     */
    private static Optional<JsonObject[]> decoded(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonObject[] {json(parts[0]), json(parts[1])});
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static JsonObject json(String base64) {
        try (var reader = Json.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /**
     * The request as Payara's MP-JWT mechanism may see it: the accepted token as the one {@code Authorization: Bearer}
     * header, whichever way it came.
     */
    static HttpServletRequest presenting(HttpServletRequest request, Token token) {
        String authorization = "Bearer " + token.value();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Authorization".equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(authorization))
                        : super.getHeaders(name);
            }
        };
    }
}
