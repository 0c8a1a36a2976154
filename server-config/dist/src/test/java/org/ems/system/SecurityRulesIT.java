package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The security rules of round 3 (docs/security.md) against the running system, each finding of
 * the security issue as a probe from outside: no broker or database account that EMS did not make with a secret; one
 * credential check; sign-in tokens that are no API tokens; cross-site changes, sign-out links and redirects; the
 * throttle, the socket limit, the typing flood and paging bounds. Each test makes its own users and addresses, so
 * their order does not matter. They run on the EMS the API suites share ({@link SharedEms}): it trusts 127.0.0.1 as a
 * reverse proxy, so {@code X-Forwarded-For} plays the client's address.
 */
class SecurityRulesIT extends SharedEmsSuite {

    private static final String ADMIN_PASSWORD = SharedEms.ADMIN_PASSWORD;

    private final List<WebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
        sockets.clear();
    }

    // --- accounts: broker, database, files ---

    @Test
    void theBrokerLetsInNoAccountButThoseEmsMadeWithASecret() throws Exception {
        String broker = "tcp://127.0.0.1:" + ems.brokerPort;
        // Artemis' documented default cluster account: in round 2 it could consume and purge ems.readings.
        assertThatThrownBy(() -> connect(broker, "ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"))
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("Unable to validate user");
        assertThatThrownBy(() -> connect(broker, "ems-cluster", "CHANGE ME!!"))
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("Unable to authenticate cluster user");
        assertThat(ems.secret("broker.cluster.password"))
                .as("a generated cluster password")
                .hasSizeGreaterThan(20);
        connect(broker, "meter", ems.secret("broker.meter.password")); // the accounts EMS made still work
    }

    @Test
    void everyDatabaseConnectionNeedsAPassword() throws Exception {
        String postgres = "jdbc:postgresql://127.0.0.1:" + ems.dbPort + "/postgres";
        for (String role : List.of("postgres", "ems")) {
            assertThatThrownBy(() ->
                            DriverManager.getConnection(postgres, role, "").close())
                    .as(role + " over TCP")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        // The Unix socket too (psql from the machine's PostgreSQL client; .ci/run installs it).
        Process psql = new ProcessBuilder(
                        "psql",
                        "-h",
                        "/tmp",
                        "-p",
                        Integer.toString(ems.dbPort),
                        "-U",
                        "postgres",
                        "-w",
                        "-c",
                        "select 1")
                .redirectErrorStream(true)
                .start();
        String said = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor()).as(said).isNotZero();
        assertThat(said).contains("password");
        try (var c = DriverManager.getConnection(postgres, "postgres", ems.secret("db.superuser.password"))) {
            assertThat(c.isValid(2)).as("with the generated password").isTrue();
        }
    }

    @Test
    void theHomeIsTheOwnersAlone() throws Exception {
        assertThat(permissions(ems.home)).isEqualTo("rwx------");
        assertThat(permissions(ems.home.resolve("logs"))).isEqualTo("rwx------");
        assertThat(permissions(ems.home.resolve("secrets.properties"))).isEqualTo("rw-------");
        assertThat(permissions(ems.home.resolve("jwt/private.pem"))).isEqualTo("rw-------");
    }

    // --- one credential check ---

    @Test
    void onlyBearerTokensAreCredentialsAndNoneOutlivesItsSignOut() throws Exception {
        api.call("POST", "api/users", admin, user("spell.checker", "CLIENT"));
        String token = api.login("spell.checker", "spell.checker-password").getString("token");
        assertThat(me("Bearer " + token)).isEqualTo(200);
        assertThat(me("bearer " + token)).as("the scheme in any case").isEqualTo(200);
        List<String> refused = List.of(token, "Token " + token, "Bearer: " + token, "JWT " + token, "Basic " + token);
        for (String authorization : refused) {
            assertThat(me(authorization)).as(authorization.substring(0, 8)).isEqualTo(401);
        }
        assertThat(status(request("api/me")
                        .header("Authorization", "Bearer " + token)
                        .header("Authorization", "Bearer " + token)))
                .as("two Authorization headers")
                .isEqualTo(401);
        assertThat(status(request("api/me?access_token=" + token)))
                .as("in the query")
                .isEqualTo(401);
        assertThat(status(request("api/me").header("Cookie", "Bearer=" + token)))
                .as("in a cookie")
                .isEqualTo(401);

        assertThat(api.call("POST", "api/auth/logout", token, null).statusCode())
                .isEqualTo(204);
        for (String authorization : List.of("Bearer " + token, "bearer " + token, "BEARER " + token, token)) {
            assertThat(me(authorization)).as("after sign-out").isEqualTo(401);
        }
        assertThat(api.handshake("/ws/alerts", token, null))
                .as("a socket after sign-out")
                .isEqualTo(401);
    }

    @Test
    void theSignInCookieIsNoApiTokenAndAnApiTokenNoSignInCookie() throws Exception {
        api.call("POST", "api/users", admin, user("cookie.eater", "CLIENT"));
        String signIn = cookie(ems.signInThroughForm(http, "cookie.eater", "cookie.eater-password"), "EMS_SIGNIN");
        assertThat(me("Bearer " + signIn))
                .as("EMS_SIGNIN as a bearer token (200 in round 2)")
                .isEqualTo(401);

        String token = api.login("cookie.eater", "cookie.eater-password").getString("token");
        HttpResponse<String> resumed = http.send(
                request("portal/devices.xhtml")
                        .header("Cookie", "EMS_SIGNIN=" + token)
                        .build(),
                text());
        assertThat(resumed.statusCode())
                .as("an API token does not open a page session")
                .isEqualTo(302);
        assertThat(resumed.headers().firstValue("Location").orElseThrow()).contains("login.xhtml");
    }

    @Test
    void resumingASignInFromItsCookieIssuesANewSessionId() throws Exception {
        api.call("POST", "api/users", admin, user("fixation.victim", "CLIENT"));
        String signIn =
                cookie(ems.signInThroughForm(http, "fixation.victim", "fixation.victim-password"), "EMS_SIGNIN");
        // A session id the attacker knows: a live but anonymous session of the login page.
        String planted = cookie(http.send(request("login.xhtml").build(), text()), "JSESSIONID");
        HttpResponse<String> page = http.send(
                request("portal/devices.xhtml")
                        .header("Cookie", "JSESSIONID=" + planted + "; EMS_SIGNIN=" + signIn)
                        .build(),
                text());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(cookie(page, "JSESSIONID")).isNotEqualTo(planted);
        HttpResponse<String> attacker = http.send(
                request("portal/devices.xhtml")
                        .header("Cookie", "JSESSIONID=" + planted)
                        .build(),
                text());
        assertThat(attacker.statusCode()).as("the planted id is not signed in").isEqualTo(302);
    }

    // --- cross-site requests, sign-out, redirects ---

    @Test
    void aChangeThroughThePageSessionMustComeFromEmsItself() throws Exception {
        String session = RunningEms.sessionCookie(ems.signInThroughForm(http, "admin", ADMIN_PASSWORD));
        String own = "http://127.0.0.1:" + ems.httpPort;
        HttpResponse<String> evil = http.send(
                request("api/users")
                        .header("Cookie", session)
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user("csrf.admin", "ADMIN")))
                        .build(),
                text());
        assertThat(evil.statusCode()).as("201 in round 2").isEqualTo(403);
        assertThat(evil.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiClient.json(evil).getString("detail")).contains("the pages of EMS itself");
        assertThat(status(request("api/users")
                        .header("Cookie", session)
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Origin", own)
                        .DELETE()))
                .as("the browser's word wins over a forged Origin")
                .isEqualTo(403);
        assertThat(status(request("api/users")
                        .header("Cookie", session)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user("csrf.admin", "ADMIN")))))
                .as("neither Origin nor Sec-Fetch-Site")
                .isEqualTo(403);
        assertThat(status(
                        request("api/users?size=1").header("Cookie", session).header("Origin", "https://evil.example")))
                .as("reading works as before")
                .isEqualTo(200);
        assertThat(status(request("api/users")
                        .header("Cookie", session)
                        .header("Origin", own)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user("same.origin", "CLIENT")))))
                .isEqualTo(201);
        assertThat(status(request("api/users")
                        .header("Cookie", session)
                        .header("Sec-Fetch-Site", "same-origin")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user("same.site", "CLIENT")))))
                .isEqualTo(201);
        assertThat(api.call("POST", "api/users", admin, user("by.token", "CLIENT"))
                        .statusCode())
                .as("a bearer token is no cookie: no origin needed")
                .isEqualTo(201);
    }

    @Test
    void signingOutTakesAPostOfEmsItsPage() throws Exception {
        String session = RunningEms.sessionCookie(ems.signInThroughForm(http, "admin", ADMIN_PASSWORD));
        HttpResponse<String> get =
                http.send(request("logout").header("Cookie", session).build(), text());
        assertThat(get.statusCode()).isEqualTo(302);
        assertThat(get.headers().firstValue("Location"))
                .hasValue(ems.url("logout.xhtml").toString());
        assertThat(api.alertsPage(session).statusCode())
                .as("a GET ends nothing")
                .isEqualTo(200);
        HttpResponse<String> page =
                http.send(request("logout.xhtml").header("Cookie", session).build(), text());
        assertThat(page.body()).contains("id=\"signOut\"").contains("method=\"post\"");
        assertThat(status(request("logout")
                        .header("Cookie", session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(""))))
                .isEqualTo(302);
        assertThat(api.alertsPage(session).statusCode())
                .as("a POST without the form's token ends nothing")
                .isEqualTo(200);

        HttpResponse<String> out = ems.signOutThroughForm(http, session);
        assertThat(out.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml").toString());
        assertThat(api.alertsPage(session).statusCode()).isEqualTo(302);
    }

    @Test
    void afterSignInAPageReturnsOnlyToAPathOfEms() throws Exception {
        List<String> targets = List.of(
                "//evil.example/portal/devices.xhtml",
                "/%2F%2Fevil.example/portal/devices.xhtml",
                "/%5Cevil.example/portal/devices.xhtml",
                "/portal/..%2F%2Fevil.example/x.xhtml",
                "/\\evil.example/portal/devices.xhtml");
        for (String target : targets) {
            String session = rawGetSession(target);
            if (session == null) {
                continue; // refused before any page: nothing to return to
            }
            String location = signInWith(session, "admin", ADMIN_PASSWORD);
            assertThat(location).as(target).startsWith(ems.url("").toString()).doesNotContain("evil.example");
        }
        String session = rawGetSession("/portal/alerts.xhtml?x=1");
        assertThat(signInWith(session, "admin", ADMIN_PASSWORD))
                .as("a page of ours is still returned to")
                .isEqualTo(ems.url("portal/alerts.xhtml?x=1").toString());
    }

    // --- limits ---

    @Test
    void theThrottleCountsEverySpellingOfAUsernameAndStopsAGuesserButNotTheUserElsewhere() throws Exception {
        api.call("POST", "api/users", admin, user("throttled.user", "CLIENT"));
        String guesser = "198.51.100.7";
        List<String> spellings =
                List.of("throttled.user", "throttled.user ", "THROTTLED.USER", " Throttled.User", "ｔｈｒｏｔｔｌｅｄ.user");
        for (String spelling : spellings) {
            assertThat(api.loginResponse(spelling, "not-the-password", guesser).statusCode())
                    .as(spelling)
                    .isEqualTo(401);
        }
        HttpResponse<String> sixth = api.loginResponse("throttled.user ", "throttled.user-password", guesser);
        assertThat(sixth.statusCode())
                .as("the right password with a trailing space (200 in round 2)")
                .isEqualTo(429);
        long first = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(first).isGreaterThanOrEqualTo(60);
        long second = Long.parseLong(api.loginResponse("throttled.user", "throttled.user-password", guesser)
                .headers()
                .firstValue("Retry-After")
                .orElseThrow());
        assertThat(second).as("growing").isGreaterThan(first);
        assertThat(api.loginResponse("throttled.user", "throttled.user-password", "203.0.113.20")
                        .statusCode())
                .as("the user from another address")
                .isEqualTo(200);
        assertThat(api.loginResponse("throttled.user", "throttled.user-password", null)
                        .statusCode())
                .as("the proxy itself, with no forwarded address")
                .isEqualTo(200);
    }

    @Test
    void securityEventsAreOneLogLineEachAndCounted() throws Exception {
        api.loginResponse("event.probe", "wrong-password", "192.0.2.55");
        Path log = ems.home.resolve("logs/micro.0.log");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        Files.readString(log).contains("event=sign-in-failed user=event.probe address=192.0.2.55"));
        assertThat(Files.readString(log)).doesNotContain("wrong-password");
        Matcher count = Pattern.compile("ems_security_events_total\\{[^}]*event=\"sign-in-failed\"[^}]*} ([0-9.]+)")
                .matcher(http.send(request("metrics").build(), text()).body());
        assertThat(count.find()).isTrue();
        assertThat(Double.parseDouble(count.group(1))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theTwentyFirstSocketOfAUserIsClosedAtOnce() throws Exception {
        api.call("POST", "api/users", admin, user("many.tabs", "CLIENT"));
        String token = api.login("many.tabs", "many.tabs-password").getString("token");
        for (int i = 0; i < 20; i++) {
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            sockets.add(api.socket(i % 2 == 0 ? "/ws/alerts" : "/ws/chat", token, null, received));
        }
        LinkedBlockingQueue<String> refused = new LinkedBlockingQueue<>();
        sockets.add(api.socket("/ws/alerts", token, null, refused));
        assertThat(lastOf(refused, ApiClient.CLOSED))
                .as("21 stayed open in round 2")
                .isEqualTo(ApiClient.CLOSED + 1008);

        sockets.get(0).sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        // A chat socket that is let in is told at once who is online; one over the limit is closed instead.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            LinkedBlockingQueue<String> again = new LinkedBlockingQueue<>();
            WebSocket socket = api.socket("/ws/chat", token, null, again);
            sockets.add(socket);
            assertThat(again.poll(5, TimeUnit.SECONDS))
                    .as("a freed place is taken")
                    .contains("\"type\":\"presence\"");
        });
    }

    @Test
    void aTypingFloodCostsAtMostFiveNoticesASecond() throws Exception {
        api.call("POST", "api/users", admin, user("fast.typist", "CLIENT"));
        String client = api.login("fast.typist", "fast.typist-password").getString("token");
        LinkedBlockingQueue<String> support = new LinkedBlockingQueue<>();
        sockets.add(api.socket("/ws/chat", admin, null, support));
        LinkedBlockingQueue<String> own = new LinkedBlockingQueue<>();
        WebSocket typist = api.socket("/ws/chat", client, null, own);
        sockets.add(typist);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            typist.sendText("{\"type\":\"typing\"}", true).get(5, TimeUnit.SECONDS);
        }
        double seconds = Math.max(1, (System.nanoTime() - start) / 1e9);
        // Then a message: the support socket gets the chat's news in order, so what the flood caused is in before it.
        typist.sendText(
                        "{\"type\":\"send\",\"clientMsgId\":\"" + UUID.randomUUID()
                                + "\",\"text\":\"after the flood\"}",
                        true)
                .get(5, TimeUnit.SECONDS);
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            support.drainTo(seen);
            return seen.stream().anyMatch(f -> f.contains("after the flood"));
        });
        long notices = seen.stream().filter(f -> f.contains("\"typing\"")).count();
        assertThat(notices).as("100 in round 2").isBetween(1L, (long) Math.ceil(seconds + 1) * 5);
    }

    @Test
    void pagingOutOfRangeIsA400NeverA500() throws Exception {
        for (String query :
                List.of("page=2147483647&size=100", "page=-1", "size=0", "size=501", "page=abc", "size=1e3")) {
            HttpResponse<String> answer = api.call("GET", "api/audit?" + query, admin, null);
            assertThat(answer.statusCode()).as(query + " (500 in round 2)").isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(api.call("GET", "api/audit?page=0&size=500", admin, null).statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "api/chat/conversations/" + UUID.randomUUID() + "/messages?limit=abc", admin, null)
                        .statusCode())
                .isEqualTo(400);
    }

    // --- helpers ---

    /** Logs in to the broker; a refused login throws. */
    private static void connect(String broker, String user, String password) {
        try (JMSContext context = new ActiveMQConnectionFactory(broker, user, password).createContext()) {
            context.start();
        }
    }

    private static String user(String username, String role) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + username + "-password\",\"name\":\"" + username
                + "\",\"role\":\"" + role + "\"}";
    }

    private int me(String authorization) throws Exception {
        return status(request("api/me").header("Authorization", authorization));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(ems.url(path));
    }

    private int status(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse.BodyHandler<String> text() {
        return HttpResponse.BodyHandlers.ofString();
    }

    /** The value of the cookie {@code name} that a response sets. */
    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + name + " cookie in " + response.headers().map()));
    }

    /**
     * A GET of {@code path} sent as written (no client library normalises it), as a visitor who is not signed in: the
     * session cookie it is given, or null when EMS refused the path outright.
     */
    private String rawGetSession(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ems.httpPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + ems.httpPort + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            String session = null;
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                Matcher m =
                        Pattern.compile("(?i)^Set-Cookie: JSESSIONID=([^;]+)").matcher(line);
                if (m.find()) {
                    session = m.group(1);
                }
            }
            return status != null && status.contains(" 302 ") ? session : null;
        }
    }

    /** Signs in through the form in an existing session; the address the sign-in sends the browser to. */
    private String signInWith(String session, String username, String password) throws Exception {
        HttpResponse<String> signedIn =
                RunningEms.signInThroughForm(http, ems.url(""), "JSESSIONID=" + session, username, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return ems.url("")
                .resolve(signedIn.headers().firstValue("Location").orElseThrow())
                .toString();
    }

    /** The first text starting with {@code prefix} within 10 s. */
    private static String lastOf(LinkedBlockingQueue<String> received, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = received.poll(200, TimeUnit.MILLISECONDS);
            if (text != null && text.startsWith(prefix)) {
                return text;
            }
        }
        return null;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
