package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Sign-in, roles, user administration and token attacks, over HTTP against the running system. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiSecurityIT {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private HttpClient http;
    private ApiClient api;
    private RunningEms ems;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        ems = RunningEms.ready("api", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        api = new ApiClient(ems);
        http = api.http;
        admin = login("admin", ADMIN_PASSWORD).getString("token");
    }

    @AfterAll
    void stop() throws Exception {
        ems.close();
    }

    @Test
    @Order(1)
    void aSignedInUserSeesThemselvesAndTheTokenCarriesTheContractClaims() throws Exception {
        JsonObject me = json(call("GET", "api/me", admin, null));
        assertThat(me.getString("username")).isEqualTo("admin");
        assertThat(me.getString("role")).isEqualTo("ADMIN");
        var claims = SignedJWT.parse(admin).getJWTClaimsSet();
        assertThat(SignedJWT.parse(admin).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getIssuer()).isEqualTo("ems");
        assertThat(claims.getSubject()).isEqualTo(me.getString("id"));
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin");
        assertThat(claims.getStringListClaim("groups")).containsExactly("ADMIN");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @Order(2)
    void administratorsManageUsersAndNoResponseHoldsAPassword() throws Exception {
        String name = "<script>alert(1)</script> O'Brien; DROP TABLE users.app_user;--";
        HttpResponse<String> created = call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"Client.One\",\"password\":\"client-one-pw\",\"name\":" + quote(name)
                        + ",\"role\":\"CLIENT\",\"timeZone\":\"Europe/Bucharest\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject user = json(created);
        assertThat(created.headers().firstValue("Location"))
                .hasValue(ems.url("api/users/" + user.getString("id")).toString());
        assertThat(user.getString("name")).isEqualTo(name);
        assertThat(user.keySet()).containsExactlyInAnyOrder("id", "username", "name", "role", "timeZone");

        assertThat(call(
                                "POST",
                                "api/users",
                                admin,
                                "{\"username\":\"client.one\",\"password\":\"another-pw-1\","
                                        + "\"name\":\"x\",\"role\":\"CLIENT\"}")
                        .statusCode())
                .as("usernames ignore case")
                .isEqualTo(409);
        String id = user.getString("id");
        assertThat(json(call("GET", "api/users/" + id, admin, null)).getString("name"))
                .isEqualTo(name);
        JsonObject changed = json(
                call(
                        "PUT",
                        "api/users/" + id,
                        admin,
                        "{\"name\":\"Client One\",\"role\":\"CLIENT\",\"timeZone\":\"Asia/Kolkata\",\"password\":\"a-new-password\"}"));
        assertThat(changed.getString("timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(login("client.one", "a-new-password").getString("token")).isNotBlank();

        String everything = call("GET", "api/users", admin, null).body() + created.body() + changed;
        assertThat(everything)
                .doesNotContainIgnoringCase("password")
                .doesNotContain("PBKDF2")
                .doesNotContain("hash");

        assertThat(call("DELETE", "api/users/" + id, admin, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "api/users/" + id, admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void badInputIsAProblemWithAReasonNeverA500() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"username\":\"ok-name\",\"password\":\"short\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "at least 10",
                "{\"username\":\"same-as-pw\",\"password\":\"same-as-pw\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "must not be the username",
                "{\"username\":\"zone-user\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"CLIENT\","
                        + "\"timeZone\":\"Mars/Olympus\"}",
                "IANA time zone",
                "{\"username\":\"role-user\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"ROOT\"}",
                "ADMIN or CLIENT",
                "{\"username\":\"x\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "username must",
                "{\"username\":\"type-user\",\"password\":12,\"name\":\"n\"",
                "not valid JSON",
                "{\"username\":\"noname\",\"password\":\"long-enough-pw\",\"role\":\"CLIENT\"}",
                "name must");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = call("POST", "api/users", admin, c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(response).getString("detail")).as(c.getKey()).contains(c.getValue());
        }
        assertThat(call("GET", "api/users/not-a-uuid", admin, null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "api/users/" + UUID.randomUUID(), admin, null).statusCode())
                .isEqualTo(404);

        JsonObject fields = json(call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\" \",\"maxHourlyKwh\":-1," + "\"timeZone\":\"Mars/Olympus\",\"ownerId\":\""
                        + UUID.randomUUID() + "\"}"));
        assertThat(fields.getInt("status")).isEqualTo(400);
        assertThat(fields.getJsonArray("errors").getValuesAs(JsonObject.class))
                .as("each invalid field with its reason")
                .extracting(e -> e.getString("field"), e -> e.getString("message"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "maxHourlyKwh",
                                "maxHourlyKwh must be a number above 0 (kWh per hour, at most 3 decimals)"),
                        org.assertj.core.groups.Tuple.tuple("name", "name must have 1 to 200 characters"),
                        org.assertj.core.groups.Tuple.tuple(
                                "timeZone", "timeZone must be an IANA time zone such as Europe/Bucharest"));
        assertThat(json(call(
                                "POST",
                                "api/devices",
                                admin,
                                "{\"name\":\"n\",\"maxHourlyKwh\":1,\"ownerId\":\"" + UUID.randomUUID() + "\"}"))
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .as("a rule beyond the constraints names its field too")
                .isEqualTo("ownerId");
    }

    @Test
    @Order(4)
    void theLastAdministratorStays() throws Exception {
        String adminId = json(call("GET", "api/me", admin, null)).getString("id");
        HttpResponse<String> delete = call("DELETE", "api/users/" + adminId, admin, null);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(json(delete).getString("detail")).contains("last administrator");
        assertThat(call(
                                "PUT",
                                "api/users/" + adminId,
                                admin,
                                "{\"name\":\"A\",\"role\":\"CLIENT\",\"timeZone\":\"UTC\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    @Order(5)
    void clientsAreRefusedAdministrationAndStrangersEverything() throws Exception {
        call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"client.two\",\"password\":\"client-two-pw\",\"name\":\"C2\","
                        + "\"role\":\"CLIENT\"}");
        String client = login("client.two", "client-two-pw").getString("token");
        assertThat(call("GET", "api/me", client, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "api/users", client, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "api/users", client, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = call("GET", "api/users", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).getInt("status")).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Payara").doesNotContain("Exception");
    }

    @Test
    @Order(5)
    void devicesAreManagedByAdministratorsAndSeenByTheirOwnersOnly() throws Exception {
        String ownerId = json(call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"owner.one\",\"password\":"
                                + "\"owner-one-pw\",\"name\":\"O1\",\"role\":\"CLIENT\",\"timeZone\":\"Asia/Kolkata\"}"))
                .getString("id");
        json(call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"owner.two\",\"password\":\"owner-two-pw\"," + "\"name\":\"O2\",\"role\":\"CLIENT\"}"));
        HttpResponse<String> created = call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"<i>Boiler</i>\","
                        + "\"description\":\"'; drop table devices.device; --\",\"address\":\"Str. Mare 1\","
                        + "\"maxHourlyKwh\":1.5,\"ownerId\":\"" + ownerId + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject device = json(created);
        String id = device.getString("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(device.getString("timeZone"))
                .as("the owner's zone by default")
                .isEqualTo("Asia/Kolkata");
        assertThat(device.getString("name")).isEqualTo("<i>Boiler</i>");
        assertThat(created.headers().firstValue("Location"))
                .hasValue(ems.url("api/devices/" + id).toString());

        String one = login("owner.one", "owner-one-pw").getString("token");
        String two = login("owner.two", "owner-two-pw").getString("token");
        assertThat(call("GET", "api/devices", one, null).body()).contains(id);
        assertThat(call("GET", "api/devices", two, null).body()).isEqualTo("[]");
        assertThat(call("GET", "api/devices/" + id, one, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "api/devices/" + id, two, null).statusCode())
                .as("another's device")
                .isEqualTo(404);
        assertThat(call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", one, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", two, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "api/devices", one, "{\"name\":\"x\",\"maxHourlyKwh\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "api/devices/" + id, one, "{\"name\":\"x\",\"maxHourlyKwh\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", "api/devices/" + id, one, null).statusCode()).isEqualTo(403);

        JsonObject day = json(call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", one, null));
        assertThat(day.getString("timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(day.getJsonArray("hours").getJsonObject(0).getString("start"))
                .isEqualTo("2026-03-29T00:00:00+05:30");

        for (String bad : List.of(
                "{\"name\":\"\",\"maxHourlyKwh\":1}",
                "{\"name\":\"n\",\"maxHourlyKwh\":-1}",
                "{\"name\":\"n\"}",
                "{\"name\":\"n\",\"maxHourlyKwh\":\"lots\"}",
                "{\"name\":\"n\",\"maxHourlyKwh\":1,\"ownerId\":\"" + UUID.randomUUID() + "\"}",
                "{\"name\":\"n\",\"maxHourlyKwh\":1,\"timeZone\":\"Nowhere/Land\"}")) {
            HttpResponse<String> refused = call("POST", "api/devices", admin, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    @Order(5)
    void everyCommittedDeviceChangeIsOneEventInVersionOrder() throws Exception {
        var broker = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + ems.brokerPort, "ems-app", ems.secret("broker.app.password"));
        try (var jms = broker.createContext();
                var events = jms.createConsumer(jms.createTopic("ems.device-events"))) {
            String ownerId = json(call(
                            "POST",
                            "api/users",
                            admin,
                            "{\"username\":\"leaving\",\"password\":"
                                    + "\"leaving-password\",\"name\":\"L\",\"role\":\"CLIENT\"}"))
                    .getString("id");
            String id = json(call(
                            "POST",
                            "api/devices",
                            admin,
                            "{\"name\":\"v1\",\"maxHourlyKwh\":1,\"ownerId\":\"" + ownerId + "\"}"))
                    .getString("id");
            call(
                    "PUT",
                    "api/devices/" + id,
                    admin,
                    "{\"name\":\"v2\",\"maxHourlyKwh\":2,\"ownerId\":\"" + ownerId + "\"}");
            assertThat(call("PUT", "api/devices/" + id, admin, "{\"name\":\"v3\",\"maxHourlyKwh\":0}")
                            .statusCode())
                    .as("refused: no event")
                    .isEqualTo(400);
            call("DELETE", "api/users/" + ownerId, admin, null); // the device stays, unassigned
            assertThat(json(call("GET", "api/devices/" + id, admin, null)).get("ownerId"))
                    .isIn(null, jakarta.json.JsonValue.NULL);
            call("DELETE", "api/devices/" + id, admin, null);

            List<org.ems.contracts.device.DeviceEvent> received = new java.util.ArrayList<>();
            for (var m = events.receive(5_000); m != null; m = events.receive(1_000)) {
                var event = org.ems.contracts.device.DeviceEvent.fromJson(m.getBody(String.class));
                if (event.device().id().toString().equals(id)) {
                    received.add(event);
                }
            }
            assertThat(received)
                    .extracting(e -> e.type().name() + " " + e.version() + " "
                            + e.device().name())
                    .containsExactly("CREATED 1 v1", "UPDATED 2 v2", "UPDATED 3 v2", "DELETED 4 v2");
            assertThat(received.get(2).device().ownerId()).isNull();
        }
    }

    @Test
    @Order(5)
    void everyAdministrativeChangeIsInTheAuditLog() throws Exception {
        String id = json(call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"audited\",\"password\":\"audited-pw-1\","
                                + "\"name\":\"Before\",\"role\":\"CLIENT\"}"))
                .getString("id");
        call("PUT", "api/users/" + id, admin, "{\"name\":\"After\",\"role\":\"CLIENT\",\"password\":\"audited-pw-2\"}");
        String device = json(call("POST", "api/devices", admin, "{\"name\":\"Audited meter\",\"maxHourlyKwh\":1}"))
                .getString("id");
        call("DELETE", "api/devices/" + device, admin, null);

        HttpResponse<String> page = call("GET", "api/audit?page=0&size=4", admin, null);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonObject log = json(page);
        assertThat(log.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(4);
        var entries = log.getJsonArray("entries");
        assertThat(entries.getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("action") + " " + e.getString("targetType"))
                .containsExactly("DELETED DEVICE", "CREATED DEVICE", "UPDATED_WITH_PASSWORD USER", "CREATED USER");
        JsonObject update = entries.getJsonObject(2);
        assertThat(update.getString("actor")).isEqualTo("admin");
        assertThat(update.getJsonObject("before").getString("name")).isEqualTo("Before");
        assertThat(update.getJsonObject("after").getString("name")).isEqualTo("After");
        assertThat(entries.getJsonObject(0).isNull("after")).isTrue();
        assertThat(page.body()).doesNotContain("audited-pw").doesNotContain("PBKDF2");
        assertThat(call("GET", "api/audit", login("audited", "audited-pw-2").getString("token"), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "api/audit?size=0", admin, null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void theSimulatorSignsInAndListsTheDevicesToSimulate() throws Exception {
        String id = json(call("POST", "api/devices", admin, "{\"name\":\"Simulated\",\"maxHourlyKwh\":4}"))
                .getString("id");
        var found = org.ems.simulator.client.EmsDirectory.devices(ems.url(""), "admin", ADMIN_PASSWORD);
        assertThat(found).contains(new org.ems.simulator.client.EmsDirectory.Device(UUID.fromString(id), "Simulated"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> org.ems.simulator.client.EmsDirectory.devices(ems.url(""), "admin", "not-the-password"))
                .hasMessageContaining("EMS refused the sign-in: 401 invalid username or password");
    }

    @Test
    @Order(5)
    void pagesNeedASignInAndShowEachRoleItsOwn() throws Exception {
        HttpResponse<String> anonymous = call("GET", "", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml").toString());
        assertThat(call("GET", "login.xhtml", null, null).body()).contains("Sign in");

        HttpResponse<String> wrong = form("admin", "wrong-password");
        assertThat(wrong.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml?error=invalid").toString());
        assertThat(call("GET", "login.xhtml?error=invalid", null, null).body())
                .contains("Invalid username or password");

        call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"page.client\",\"password\":\"page-client-pw\",\"name\":"
                        + "\"<b>PC</b>\",\"role\":\"CLIENT\"}");
        HttpResponse<String> ok = form("page.client", "page-client-pw");
        assertThat(ok.headers().firstValue("Location"))
                .as("a client lands on their devices")
                .hasValue(ems.url("portal/devices.xhtml").toString());
        String cookie = RunningEms.sessionCookie(ok);
        HttpResponse<String> page = api.alertsPage(cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("page.client")
                .doesNotContain("Live readings")
                .doesNotContain("jakarta.faces.push/readings");

        HttpResponse<String> out = ems.signOutThroughForm(http, cookie);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml").toString());
        assertThat(api.alertsPage(cookie).statusCode())
                .as("the session is gone")
                .isEqualTo(302);
    }

    private HttpResponse<String> form(String username, String password) throws Exception {
        return ems.signInThroughForm(http, username, password);
    }

    @Test
    @Order(6)
    void forgedExpiredAndMalformedTokensAreRefused() throws Exception {
        RSAPrivateKey ours = privateKey(ems.home.resolve("jwt/private.pem"));
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        RSAPrivateKey theirs = (RSAPrivateKey) other.generateKeyPair().getPrivate();
        byte[] publicPem = Files.readAllBytes(ems.home.resolve("jwt/public.pem"));
        Instant now = Instant.now();
        String me = json(call("GET", "api/me", admin, null)).getString("id");
        String signIn = SignedJWT.parse(admin).getJWTClaimsSet().getJWTID();

        String valid = rs256(ours, claims(me, now, c -> c.jwtID(signIn)));
        assertThat(call("GET", "api/users", valid, null).statusCode())
                .as("control: our own forgery of an active sign-in works")
                .isEqualTo(200);
        assertThat(handshake(valid, null))
                .as("control: the socket takes it too")
                .isEqualTo(101);

        Map<String, String> attacks = attacks(ours, theirs, publicPem, me, now, valid, signIn);
        attacks.put("a sign-in that never was", rs256(ours, claims(me, now, c -> {})));
        for (var attack : attacks.entrySet()) {
            assertThat(call("GET", "api/users", attack.getValue(), null).statusCode())
                    .as(attack.getKey())
                    .isEqualTo(401);
            assertThat(handshake(attack.getValue(), null))
                    .as("socket: " + attack.getKey())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(6)
    void socketsTakeATokenOrThePageSessionAndRefuseForeignOrigins() throws Exception {
        assertThat(handshake(admin, null)).isEqualTo(101);
        assertThat(handshake(admin, "http://127.0.0.1:" + ems.httpPort))
                .as("our own origin")
                .isEqualTo(101);
        assertThat(handshake(null, null)).as("no token, no session").isEqualTo(401);
        assertThat(handshake(admin, "https://evil.example"))
                .as("foreign origin")
                .isEqualTo(403);
        HttpResponse<String> signIn = form("page.client", "page-client-pw");
        String cookie = RunningEms.sessionCookie(signIn);
        var socket = http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(
                        java.net.URI.create("ws://127.0.0.1:" + ems.httpPort + "/ws/alerts"),
                        new java.net.http.WebSocket.Listener() {})
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        socket.abort();
    }

    private int handshake(String token, String origin) throws Exception {
        return api.handshake("/ws/alerts", token, origin);
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

    @Test
    @Order(6)
    void signingOutEndsThatTokenOnly() throws Exception {
        call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"two.tokens\",\"password\":\"two-tokens-pw\"," + "\"name\":\"T\",\"role\":\"CLIENT\"}");
        String first = login("two.tokens", "two-tokens-pw").getString("token");
        String second = login("two.tokens", "two-tokens-pw").getString("token");
        assertThat(call("POST", "api/auth/logout", null, null).statusCode())
                .as("no token")
                .isEqualTo(401);
        assertThat(call("POST", "api/auth/logout", second, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "api/me", second, null).statusCode())
                .as("the token signed out")
                .isEqualTo(401);
        assertThat(handshake(second, null)).isEqualTo(401);
        assertThat(call("GET", "api/me", first, null).statusCode())
                .as("another sign-in")
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void aDeletedUserLosesTokensPageSessionsAndSocketsAtOnce() throws Exception {
        String id = json(call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"leaver\",\"password\":"
                                + "\"leaver-password\",\"name\":\"L\",\"role\":\"CLIENT\"}"))
                .getString("id");
        String token = login("leaver", "leaver-password").getString("token");
        String cookie = RunningEms.sessionCookie(form("leaver", "leaver-password"));
        var tokenSocket = new LinkedBlockingQueue<String>();
        var pageSocket = new LinkedBlockingQueue<String>();
        var pagePush = new LinkedBlockingQueue<String>();
        List<java.net.http.WebSocket> sockets = List.of(
                api.socket("/ws/alerts", token, null, tokenSocket),
                api.socket("/ws/alerts", null, cookie, pageSocket),
                api.socket(api.alertsChannel(cookie), null, cookie, pagePush));
        try {
            assertThat(call("GET", "api/me", token, null).statusCode()).isEqualTo(200);
            assertThat(call("DELETE", "api/users/" + id, admin, null).statusCode())
                    .isEqualTo(204);

            Instant deleted = Instant.now();
            assertThat(call("GET", "api/me", token, null).statusCode())
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
    @Order(6)
    void aNewPasswordOrADemotionEndsTheOtherSignIns() throws Exception {
        String id = json(call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"second.admin\",\"password\":"
                                + "\"second-admin-pw\",\"name\":\"S\",\"role\":\"ADMIN\"}"))
                .getString("id");
        String changing = login("second.admin", "second-admin-pw").getString("token");
        String other = login("second.admin", "second-admin-pw").getString("token");
        String cookie = RunningEms.sessionCookie(form("second.admin", "second-admin-pw"));

        assertThat(call(
                                "PUT",
                                "api/users/" + id,
                                changing,
                                "{\"name\":\"S\",\"role\":\"ADMIN\"," + "\"password\":\"a-brand-new-password\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "api/me", changing, null).statusCode())
                .as("the sign-in that changed it")
                .isEqualTo(200);
        assertThat(call("GET", "api/me", other, null).statusCode())
                .as("another token")
                .isEqualTo(401);
        assertThat(api.alertsPage(cookie).statusCode()).as("a page session").isEqualTo(302);

        assertThat(call("PUT", "api/users/" + id, admin, "{\"name\":\"S\",\"role\":\"CLIENT\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "api/users", changing, null).statusCode())
                .as("demoted: the administrator's token is gone")
                .isEqualTo(401);
        String again = login("second.admin", "a-brand-new-password").getString("token");
        assertThat(call("GET", "api/users", again, null).statusCode())
                .as("signed in again: a client")
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void theSignInFormIsTakenOnlyWithItsToken() throws Exception {
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(ems.url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin&password=" + ADMIN_PASSWORD + "&csrf=guessed"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml?error=form").toString());
        assertThat(forged.headers().allValues("Set-Cookie"))
                .as("no session signed in")
                .isEmpty();
        assertThat(call("GET", "login.xhtml?error=form", null, null).body()).contains("The sign-in form had expired");
        assertThat(form("admin", ADMIN_PASSWORD).headers().firstValue("Location"))
                .as("with the form's token")
                .hasValue(ems.url("console/users.xhtml").toString());
    }

    @Test
    @Order(6)
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
        assertThat(json(declared).getString("detail")).contains("1048576");
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

        HttpResponse<String> longName = loginResponse("u".repeat(101), "whatever-password");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(json(longName).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("username");
        assertThat(loginResponse("admin", "p".repeat(1001)).statusCode()).isEqualTo(400);
        assertThat(login("admin", ADMIN_PASSWORD).getString("token"))
                .as("not counted as failures")
                .isNotBlank();
    }

    @Test
    @Order(7)
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerInAboutTheSameTime() throws Exception {
        long unknown = 0;
        long wrong = 0;
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> a = loginResponse("nobody-" + i, "whatever-password");
            unknown += System.nanoTime() - t0;
            t0 = System.nanoTime();
            HttpResponse<String> b = loginResponse("admin", "wrong-password-" + i);
            wrong += System.nanoTime() - t0;
            assertThat(a.statusCode()).isEqualTo(401);
            assertThat(b.statusCode()).isEqualTo(401);
            unknownBody = a.body();
            wrongBody = b.body();
        }
        assertThat(unknownBody).isEqualTo(wrongBody);
        // both verify a PBKDF2 hash (~100 ms); without the decoy the unknown user would answer in a few ms
        assertThat((double) unknown / wrong).isBetween(0.5, 2.0);
    }

    @Test
    @Order(8)
    void aBruteForceOnOneUsernameIsThrottled() throws Exception {
        call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"target\",\"password\":\"target-password\",\"name\":\"T\"," + "\"role\":\"CLIENT\"}");
        for (int i = 0; i < 5; i++) {
            assertThat(loginResponse("target", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = loginResponse("TARGET", "target-password");
        assertThat(throttled.statusCode())
                .as("even the right password, while throttled")
                .isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .as("a minute for this user from this address")
                .isEqualTo(60L);
        assertThat(json(throttled).getString("detail")).contains("too many failed sign-ins");
    }

    @Test
    @Order(9)
    void aBruteForceFromOneAddressIsThrottledWhateverTheUsername() throws Exception {
        int attempts = 0;
        int status;
        do {
            status = loginResponse("sprayed-" + attempts, "guess").statusCode();
            attempts++;
        } while (status == 401 && attempts < 25);
        assertThat(status).isEqualTo(429);
    }

    // --- helpers ---

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

    private JsonObject login(String username, String password) throws Exception {
        return api.login(username, password);
    }

    private HttpResponse<String> loginResponse(String username, String password) throws Exception {
        return api.loginResponse(username, password);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    private static String quote(String text) {
        return ApiClient.quote(text);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }
}
