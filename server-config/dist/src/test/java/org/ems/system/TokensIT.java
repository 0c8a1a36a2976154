package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Tokens and sockets: forged, expired and malformed tokens, origins, and sign-ins that end at once. */
class TokensIT extends SharedEmsSuite {

    @Test
    void forgedExpiredAndMalformedTokensAreRefused() throws Exception {
        RSAPrivateKey ours = privateKey(ems.home.resolve("jwt/private.pem"));
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        RSAPrivateKey theirs = (RSAPrivateKey) other.generateKeyPair().getPrivate();
        byte[] publicPem = Files.readAllBytes(ems.home.resolve("jwt/public.pem"));
        Instant now = Instant.now();
        String me = ApiClient.json(api.call("GET", "api/me", admin, null)).getString("id");
        String signIn = SignedJWT.parse(admin).getJWTClaimsSet().getJWTID();

        String valid = rs256(ours, claims(me, now, c -> c.jwtID(signIn)));
        assertThat(api.call("GET", "api/users", valid, null).statusCode())
                .as("control: our own forgery of an active sign-in works")
                .isEqualTo(200);
        assertThat(api.handshake("/ws/alerts", valid, null))
                .as("control: the socket takes it too")
                .isEqualTo(101);

        Map<String, String> attacks = attacks(ours, theirs, publicPem, me, now, valid, signIn);
        attacks.put("a sign-in that never was", rs256(ours, claims(me, now, c -> {})));
        for (var attack : attacks.entrySet()) {
            assertThat(api.call("GET", "api/users", attack.getValue(), null).statusCode())
                    .as(attack.getKey())
                    .isEqualTo(401);
            assertThat(api.handshake("/ws/alerts", attack.getValue(), null))
                    .as("socket: " + attack.getKey())
                    .isEqualTo(401);
        }
    }

    @Test
    void socketsTakeATokenOrThePageSessionAndRefuseForeignOrigins() throws Exception {
        assertThat(api.handshake("/ws/alerts", admin, null)).isEqualTo(101);
        assertThat(api.handshake("/ws/alerts", admin, "http://127.0.0.1:" + ems.httpPort))
                .as("our own origin")
                .isEqualTo(101);
        assertThat(api.handshake("/ws/alerts", null, null))
                .as("no token, no session")
                .isEqualTo(401);
        assertThat(api.handshake("/ws/alerts", admin, "https://evil.example"))
                .as("foreign origin")
                .isEqualTo(403);
        api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"socket.client\",\"password\":\"socket-client-pw\","
                        + "\"name\":\"S\",\"role\":\"CLIENT\"}");
        HttpResponse<String> signIn = ems.signInThroughForm(http, "socket.client", "socket-client-pw");
        String cookie = RunningEms.sessionCookie(signIn);
        var socket = http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(
                        java.net.URI.create("ws://127.0.0.1:" + ems.httpPort + "/ws/alerts"),
                        new java.net.http.WebSocket.Listener() {})
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        socket.abort();
    }

    @Test
    void signingOutEndsThatTokenOnly() throws Exception {
        api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"two.tokens\",\"password\":\"two-tokens-pw\"," + "\"name\":\"T\",\"role\":\"CLIENT\"}");
        String first = api.login("two.tokens", "two-tokens-pw").getString("token");
        String second = api.login("two.tokens", "two-tokens-pw").getString("token");
        assertThat(api.call("POST", "api/auth/logout", null, null).statusCode())
                .as("no token")
                .isEqualTo(401);
        assertThat(api.call("POST", "api/auth/logout", second, null).statusCode())
                .isEqualTo(204);
        assertThat(api.call("GET", "api/me", second, null).statusCode())
                .as("the token signed out")
                .isEqualTo(401);
        assertThat(api.handshake("/ws/alerts", second, null)).isEqualTo(401);
        assertThat(api.call("GET", "api/me", first, null).statusCode())
                .as("another sign-in")
                .isEqualTo(200);
    }

    @Test
    void aDeletedUserLosesTokensPageSessionsAndSocketsAtOnce() throws Exception {
        String id = ApiClient.json(api.call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"leaver\",\"password\":"
                                + "\"leaver-password\",\"name\":\"L\",\"role\":\"CLIENT\"}"))
                .getString("id");
        String device = ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"hers\",\"maxHourlyKwh\":1,\"ownerId\":\"" + id + "\"}"))
                .getString("id");
        String token = api.login("leaver", "leaver-password").getString("token");
        String cookie = RunningEms.sessionCookie(ems.signInThroughForm(http, "leaver", "leaver-password"));
        var tokenSocket = new LinkedBlockingQueue<String>();
        var pageSocket = new LinkedBlockingQueue<String>();
        var pagePush = new LinkedBlockingQueue<String>();
        List<java.net.http.WebSocket> sockets = List.of(
                api.socket("/ws/alerts", token, null, tokenSocket),
                api.socket("/ws/alerts", null, cookie, pageSocket),
                api.socket(
                        api.pushChannel(cookie, "portal/device.xhtml?id=" + device, "usage"), null, cookie, pagePush));
        try {
            assertThat(api.call("GET", "api/me", token, null).statusCode()).isEqualTo(200);
            assertThat(api.call("DELETE", "api/users/" + id, admin, null).statusCode())
                    .isEqualTo(204);

            Instant deleted = Instant.now();
            assertThat(api.call("GET", "api/me", token, null).statusCode())
                    .as("the next API call")
                    .isEqualTo(401);
            for (var socket : List.of(tokenSocket, pageSocket, pagePush)) {
                assertThat(socket.poll(5, TimeUnit.SECONDS))
                        .as("closed by the server")
                        .startsWith(ApiClient.CLOSED);
            }
            System.out.println("Sockets of a deleted user closed after " + Duration.between(deleted, Instant.now()));
            HttpResponse<String> page = api.alertsPage(cookie);
            assertThat(page.headers().firstValue("Location"))
                    .as("the page session ended, with a message")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("login.xhtml?error=ended"));
        } finally {
            sockets.forEach(java.net.http.WebSocket::abort);
        }
    }

    @Test
    void aNewPasswordOrADemotionEndsTheOtherSignIns() throws Exception {
        String id = ApiClient.json(api.call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"second.admin\",\"password\":"
                                + "\"second-admin-pw\",\"name\":\"S\",\"role\":\"ADMIN\"}"))
                .getString("id");
        String changing = api.login("second.admin", "second-admin-pw").getString("token");
        String other = api.login("second.admin", "second-admin-pw").getString("token");
        String cookie = RunningEms.sessionCookie(ems.signInThroughForm(http, "second.admin", "second-admin-pw"));

        assertThat(api.call(
                                "PUT",
                                "api/users/" + id,
                                changing,
                                "{\"name\":\"S\",\"role\":\"ADMIN\"," + "\"password\":\"a-brand-new-password\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "api/me", changing, null).statusCode())
                .as("the sign-in that changed it")
                .isEqualTo(200);
        assertThat(api.call("GET", "api/me", other, null).statusCode())
                .as("another token")
                .isEqualTo(401);
        assertThat(api.alertsPage(cookie).statusCode()).as("a page session").isEqualTo(302);

        assertThat(api.call("PUT", "api/users/" + id, admin, "{\"name\":\"S\",\"role\":\"CLIENT\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "api/users", changing, null).statusCode())
                .as("demoted: the administrator's token is gone")
                .isEqualTo(401);
        String again = api.login("second.admin", "a-brand-new-password").getString("token");
        assertThat(api.call("GET", "api/users", again, null).statusCode())
                .as("signed in again: a client")
                .isEqualTo(403);
    }

    @Test
    void oversizedInputIsRefusedBeforeItIsReadOrHashed() throws Exception {
        // 1.5 MiB: over EMS's limit, under the HTTP listener's own (2 MB, beyond which it drops the connection).
        byte[] huge =
                ("{\"username\":\"" + "u".repeat(3 << 19) + "\",\"password\":\"p\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(ems.url("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode())
                .as("a body over 1 MiB, length declared")
                .isEqualTo(413);
        assertThat(ApiClient.json(declared).getString("detail")).contains("1048576");
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(ems.url("api/users"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("a body over 1 MiB, chunked").isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> longName = api.loginResponse("u".repeat(101), "whatever-password");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(longName)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("username");
        assertThat(api.loginResponse("admin", "p".repeat(1001)).statusCode()).isEqualTo(400);
        assertThat(api.login("admin", SharedEms.ADMIN_PASSWORD).getString("token"))
                .as("not counted as failures")
                .isNotBlank();
    }

    /** Tokens that must be refused although they name an active sign-in. */
    private static Map<String, String> attacks(
            RSAPrivateKey ours,
            RSAPrivateKey theirs,
            byte[] publicPem,
            String me,
            Instant now,
            String valid,
            String signIn)
            throws Exception {
        Map<String, String> attacks = new java.util.LinkedHashMap<>();
        Consumer<JWTClaimsSet.Builder> active = c -> c.jwtID(signIn);
        attacks.put("expired", rs256(ours, claims(me, now.minus(Duration.ofHours(1)), active)));
        attacks.put(
                "nbf in the future",
                rs256(ours, claims(me, now, active.andThen(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))))));
        attacks.put("wrong issuer", rs256(ours, claims(me, now, active.andThen(c -> c.issuer("someone-else")))));
        attacks.put("another key", rs256(theirs, claims(me, now, active)));
        attacks.put("HS256 with the public key", hs256(publicPem, claims(me, now, active)));
        attacks.put("alg none", unsigned(claims(me, now, active)));
        attacks.put("tampered payload", tamper(valid));
        attacks.put("missing jti", rs256(ours, claims(me, now, c -> c.jwtID(null))));
        attacks.put("no audience", rs256(ours, claims(me, now, active.andThen(c -> c.audience((String) null)))));
        attacks.put(
                "the sign-in cookie's audience",
                rs256(ours, claims(me, now, active.andThen(c -> c.audience("ems-signin")))));
        return attacks;
    }

    private static JWTClaimsSet claims(String subject, Instant issued, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer("ems")
                .subject(subject)
                .claim("upn", "admin")
                .claim("groups", List.of("ADMIN"))
                .audience("ems-api")
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
        change.accept(builder);
        return builder.build();
    }

    private static String rs256(RSAPrivateKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String hs256(byte[] secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The payload of a valid token with one more group, the signature left as it was. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"upn\":\"admin\"", "\"upn\":\"root\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static RSAPrivateKey privateKey(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return (RSAPrivateKey) key;
    }
}
