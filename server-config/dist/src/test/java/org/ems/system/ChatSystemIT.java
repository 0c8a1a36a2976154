package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ems.system.RunningEms.reading;

import jakarta.json.JsonObject;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The support chat end to end on two EMS instances sharing the database and the broker: a client on one and an
 * administrator on the other exchange messages over {@code /ws/chat} with acknowledgements, typing signs and read
 * receipts; history and unread counts survive a reconnect; a resend is stored once; every refusal docs/websockets.md lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatSystemIT {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private RunningEms one;
    private RunningEms two;
    private ApiClient api;
    private ApiClient apiTwo;
    private String admin;
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        one = RunningEms.ready("chat", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Path home = one.home;
        // A second instance on the first one's database and broker, with its keys; its tokens last 5 s.
        Path homeTwo =
                Files.createTempDirectory(Path.of("target"), "ems-chat-two-").toAbsolutePath();
        two = RunningEms.start(
                homeTwo,
                RunningEms.freePort(),
                RunningEms.freePort(),
                RunningEms.freePort(),
                Map.of(
                        "EMS_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "EMS_DB_URL",
                        "jdbc:postgresql://127.0.0.1:" + one.dbPort + "/ems",
                        "EMS_DB_USER",
                        "ems",
                        "EMS_DB_PASSWORD",
                        one.secret("db.password"),
                        "EMS_BROKER_URL",
                        "tcp://127.0.0.1:" + one.brokerPort,
                        "EMS_APP_BROKER_USER",
                        "ems-app",
                        "EMS_APP_BROKER_PASSWORD",
                        one.secret("broker.app.password"),
                        "EMS_JWT_PRIVATE_KEY",
                        home.resolve("jwt/private.pem").toString(),
                        "EMS_JWT_PUBLIC_KEY",
                        home.resolve("jwt/public.pem").toString(),
                        "EMS_JWT_LIFETIME",
                        "PT5S"));
        two.awaitLine("EMS ready at", 240);
        api = new ApiClient(one);
        apiTwo = new ApiClient(two);
        admin = api.login("admin", ADMIN_PASSWORD).getString("token");
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
        sockets.clear();
    }

    @AfterAll
    void stop() throws Exception {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void aClientAndAnAdministratorOnTwoInstancesTalkWithAcknowledgementsTypingAndReceipts() throws Exception {
        String carol = client("carol");
        String carolId = id(carol);
        var carolFrames = new LinkedBlockingQueue<String>();
        var adminFrames = new LinkedBlockingQueue<String>();
        WebSocket carolSocket = open(api, carol, carolFrames);
        assertThat(next(carolFrames, "presence").getJsonArray("admins")).isEmpty();
        WebSocket adminSocket = open(apiTwo, api.login("admin", ADMIN_PASSWORD).getString("token"), adminFrames);
        next(adminFrames, "presence");
        assertThat(next(carolFrames, "presence")
                        .getJsonArray("admins")
                        .getJsonObject(0)
                        .getString("username"))
                .as("the administrator online on the other instance")
                .isEqualTo("admin");

        String clientMsgId = UUID.randomUUID().toString();
        carolSocket.sendText(send(null, clientMsgId, "<b>my meter</b> stopped"), true);
        JsonObject ack = next(carolFrames, "ack");
        assertThat(ack.getString("clientMsgId")).isEqualTo(clientMsgId);
        JsonObject message = next(adminFrames, "message");
        assertThat(message.getString("id")).isEqualTo(ack.getString("id"));
        assertThat(message.getString("conversationId")).isEqualTo(carolId);
        assertThat(message.getString("text")).isEqualTo("<b>my meter</b> stopped");
        assertThat(message.getJsonObject("from").getString("username")).isEqualTo("carol");
        assertThat(message.getJsonObject("from").getString("role")).isEqualTo("CLIENT");
        assertThat(message.getString("sentAt")).isEqualTo(ack.getString("sentAt"));

        adminSocket.sendText("{\"type\":\"typing\",\"conversationId\":\"" + carolId + "\"}", true);
        assertThat(next(carolFrames, "typing").getJsonObject("from").getString("username"))
                .isEqualTo("admin");
        adminSocket.sendText(
                "{\"type\":\"read\",\"conversationId\":\"" + carolId + "\",\"upTo\":\"" + ack.getString("id") + "\"}",
                true);
        JsonObject read = next(carolFrames, "read");
        assertThat(read.getString("upTo")).isEqualTo(ack.getString("id"));
        assertThat(read.getJsonObject("by").getString("role")).isEqualTo("ADMIN");

        adminSocket.sendText(send(carolId, UUID.randomUUID().toString(), "Looking at it now."), true);
        next(adminFrames, "ack");
        JsonObject answer = next(carolFrames, "message");
        assertThat(answer.getString("text")).isEqualTo("Looking at it now.");
        assertThat(answer.getJsonObject("from").getString("role")).isEqualTo("ADMIN");

        // The same clientMsgId again (a reconnect's resend): the same acknowledgement, stored and delivered once.
        carolSocket.sendText(send(null, clientMsgId, "<b>my meter</b> stopped"), true);
        JsonObject again = next(carolFrames, "ack");
        assertThat(again.getString("id")).isEqualTo(ack.getString("id"));
        assertThat(again.getString("sentAt")).isEqualTo(ack.getString("sentAt"));
        // No second delivery: what the team hears next of her is her typing, sent after the resend.
        carolSocket.sendText("{\"type\":\"typing\"}", true);
        JsonObject afterResend;
        do {
            afterResend = next(adminFrames, null);
        } while (!Set.of("message", "typing").contains(afterResend.getString("type")));
        assertThat(afterResend.getString("type")).as("no second delivery").isEqualTo("typing");
        assertThat(ApiClient.jsonArray(api.call("GET", "api/chat/conversations/" + carolId + "/messages", carol, null)))
                .hasSize(2);

        // Carol goes away without reading the answer; two more wait for her: three unread, and the team's read mark.
        carolSocket.abort();
        adminSocket.sendText(send(carolId, UUID.randomUUID().toString(), "Could you send a photo?"), true);
        adminSocket.sendText(send(carolId, UUID.randomUUID().toString(), "Of the display, please."), true);
        next(adminFrames, "ack");
        next(adminFrames, "ack");
        JsonObject mine = ApiClient.jsonArray(api.call("GET", "api/chat/conversations", carol, null))
                .getJsonObject(0);
        assertThat(mine.getString("id")).isEqualTo(carolId);
        assertThat(mine.getInt("unread")).isEqualTo(3);
        assertThat(mine.getString("adminsReadUpTo"))
                .as("the administrator's last own message")
                .isNotEqualTo(ack.getString("id"));
        assertThat(mine.getJsonObject("client").getString("username")).isEqualTo("carol");
        var history = ApiClient.jsonArray(
                api.call("GET", "api/chat/conversations/" + carolId + "/messages?limit=3", carol, null));
        assertThat(history)
                .extracting(m -> m.asJsonObject().getString("text"))
                .containsExactly("Looking at it now.", "Could you send a photo?", "Of the display, please.");
        var older = ApiClient.jsonArray(api.call(
                "GET",
                "api/chat/conversations/" + carolId + "/messages?before="
                        + history.getJsonObject(0).getString("id"),
                carol,
                null));
        assertThat(older)
                .extracting(m -> m.asJsonObject().getString("text"))
                .containsExactly("<b>my meter</b> stopped");

        // Back, she reads them: her mark moves, the administrators hear of it.
        var carolAgain = new LinkedBlockingQueue<String>();
        WebSocket reconnected = open(api, carol, carolAgain);
        assertThat(next(carolAgain, "presence").getJsonArray("admins"))
                .as("on connect: who is online")
                .hasSize(1);
        reconnected.sendText(
                "{\"type\":\"read\",\"upTo\":\"" + history.getJsonObject(2).getString("id") + "\"}", true);
        assertThat(next(adminFrames, "read").getJsonObject("by").getString("username"))
                .isEqualTo("carol");
        assertThat(ApiClient.jsonArray(api.call("GET", "api/chat/conversations", carol, null))
                        .getJsonObject(0)
                        .getInt("unread"))
                .isZero();
        JsonObject inbox = ApiClient.jsonArray(api.call("GET", "api/chat/conversations", admin, null))
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> c.getString("id").equals(carolId))
                .findFirst()
                .orElseThrow();
        assertThat(inbox.getString("clientReadUpTo"))
                .isEqualTo(history.getJsonObject(2).getString("id"));
        assertThat(inbox.getInt("unread")).isZero();

        adminSocket.abort();
        assertThat(next(carolAgain, "presence").getJsonArray("admins"))
                .as("the administrator went offline")
                .isEmpty();
    }

    @Test
    void aClientAsksAboutOneOfTheirAlertsAndNoOneElses() throws Exception {
        String dan = client("dan");
        String danId = id(dan);
        String erin = client("erin2");
        UUID device = UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"dan's boiler\",\"maxHourlyKwh\":1,\"ownerId\":\"" + danId
                                + "\",\"timeZone\":\"UTC\"}"))
                .getString("id"));
        one.sendReadings(reading(device, "2026-05-06T10:00:00Z", "0"), reading(device, "2026-05-06T10:30:00Z", "3"));
        JsonObject alert = Awaitility.await("the alert raised")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiClient.jsonArray(api.call("GET", "api/alerts", dan, null)), alerts -> !alerts.isEmpty())
                .getJsonObject(0);

        var adminFrames = new LinkedBlockingQueue<String>();
        open(api, admin, adminFrames);
        var danFrames = new LinkedBlockingQueue<String>();
        WebSocket danSocket = open(api, dan, danFrames);
        danSocket.sendText(
                "{\"type\":\"send\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\"why?\",\"alertId\":\""
                        + alert.getString("id") + "\"}",
                true);
        next(danFrames, "ack");
        JsonObject asked = next(adminFrames, "message");
        assertThat(asked.getJsonObject("alert").getString("deviceId")).isEqualTo(device.toString());
        assertThat(asked.getJsonObject("alert").getJsonNumber("kwh").doubleValue())
                .isEqualTo(3.0);
        assertThat(asked.getJsonObject("alert").getJsonNumber("limitKwh").doubleValue())
                .isEqualTo(1.0);

        var erinFrames = new LinkedBlockingQueue<String>();
        WebSocket erinSocket = open(api, erin, erinFrames);
        erinSocket.sendText(
                "{\"type\":\"send\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\"mine?\",\"alertId\":\""
                        + alert.getString("id") + "\"}",
                true);
        assertThat(next(erinFrames, "error").getString("code")).isEqualTo("not_found");
        assertThat(ApiClient.jsonArray(api.call("GET", "api/chat/conversations/" + id(erin) + "/messages", erin, null)))
                .as("nothing stored")
                .isEmpty();
    }

    @Test
    void everyRefusalOfTheContract() throws Exception {
        String frank = client("frank");
        String grace = client("grace");
        String graceId = id(grace);

        assertThat(api.handshake("/ws/chat", null, null)).as("no token").isEqualTo(401);
        assertThat(api.handshake("/ws/chat", frank + "x", null))
                .as("a bad token")
                .isEqualTo(401);
        assertThat(api.handshake("/ws/chat", frank, "https://evil.example"))
                .as("a foreign origin")
                .isEqualTo(403);
        assertThat(api.call("GET", "api/chat/conversations/" + graceId + "/messages", frank, null)
                        .statusCode())
                .as("another client's conversation over REST")
                .isEqualTo(404);

        var frames = new LinkedBlockingQueue<String>();
        WebSocket socket = open(api, frank, frames);
        socket.sendText(send(graceId, UUID.randomUUID().toString(), "hello grace"), true);
        assertThat(next(frames, "error").getString("code"))
                .as("another client's conversation")
                .isEqualTo("not_found");
        socket.sendText(send(null, UUID.randomUUID().toString(), "x".repeat(4001)), true);
        assertThat(next(frames, "error").getString("code")).isEqualTo("too_long");
        socket.sendText("{\"type\":\"send\",\"text\":\"no id\"}", true);
        assertThat(next(frames, "error").getString("code")).isEqualTo("bad_request");
        socket.sendText("not json", true);
        assertThat(next(frames, "error").getString("code")).isEqualTo("bad_request");
        socket.sendText(send(null, UUID.randomUUID().toString(), "\uD83D\uDD0C".repeat(4000)), true);
        long lastSend = System.nanoTime();
        assertThat(next(frames, "ack"))
                .as("4,000 code points (8,000 UTF-16 units) are allowed")
                .isNotNull();

        // The rule counts the sends of the last second: the flood starts once the last send is out of that window.
        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> System.nanoTime() - lastSend > TimeUnit.MILLISECONDS.toNanos(1_100));
        long floodStart = System.nanoTime();
        for (int i = 0; i < 15; i++) {
            socket.sendText(send(null, UUID.randomUUID().toString(), "flood " + i), true);
        }
        List<JsonObject> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(next(frames, null));
        }
        // The server counts a send when it reads it: on a loaded machine the 15 may be read over more than a second,
        // and then more of them are in the rule. Every count happened between the first send and the last answer
        // (the stored times come later, by a varying transaction, so they cannot bound it): at most 10 stored for
        // each second begun in between.
        double seconds = (System.nanoTime() - floodStart) / 1e9;
        long stored =
                answers.stream().filter(a -> a.getString("type").equals("ack")).count();
        assertThat(stored)
                .as("messages stored of 15 sent at once, answered within %.2f s", seconds)
                .isBetween(10L, 10L * ((long) Math.floor(seconds) + 1));
        assertThat(answers)
                .filteredOn(a -> !a.getString("type").equals("ack"))
                .allSatisfy(a -> assertThat(a.getString("code")).isEqualTo("rate_limited"));

        socket.sendText("{\"type\":\"send\",\"text\":\"" + "y".repeat(17 * 1024) + "\"}", true);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).as("a frame over 16 KiB").isEqualTo(ApiClient.CLOSED + 1009);

        // A socket whose token expires (instance two's last 5 s) is closed with 1008.
        var expiring = new LinkedBlockingQueue<String>();
        open(apiTwo, apiTwo.login("frank", "frank-password").getString("token"), expiring);
        next(expiring, "presence");
        assertThat(expiring.poll(15, TimeUnit.SECONDS)).isEqualTo(ApiClient.CLOSED + 1008);

        // A deleted user's socket is closed at once.
        var doomed = new LinkedBlockingQueue<String>();
        open(api, grace, doomed);
        next(doomed, "presence");
        assertThat(api.call("DELETE", "api/users/" + graceId, admin, null).statusCode())
                .isEqualTo(204);
        assertThat(doomed.poll(10, TimeUnit.SECONDS)).isEqualTo(ApiClient.CLOSED + 1008);
    }

    private WebSocket open(ApiClient client, String token, LinkedBlockingQueue<String> frames) throws Exception {
        WebSocket socket = client.socket("/ws/chat", token, null, frames);
        sockets.add(socket);
        return socket;
    }

    /** The next frame of that type (others skipped), within 10 s. */
    private static JsonObject next(LinkedBlockingQueue<String> frames, String type) throws InterruptedException {
        JsonObject frame = poll(frames, type, 10);
        assertThat(frame).as("a " + type + " frame").isNotNull();
        return frame;
    }

    private static JsonObject poll(LinkedBlockingQueue<String> frames, String type, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String text = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (text == null) {
                return null;
            }
            if (text.startsWith(ApiClient.CLOSED)) {
                throw new AssertionError("socket closed while waiting for " + type + ": " + text);
            }
            JsonObject frame = ApiClient.json(text);
            if (type == null || type.equals(frame.getString("type"))) {
                return frame;
            }
        }
        return null;
    }

    private static String send(String conversationId, String clientMsgId, String text) {
        return "{\"type\":\"send\","
                + (conversationId == null ? "" : "\"conversationId\":\"" + conversationId + "\",")
                + "\"clientMsgId\":\"" + clientMsgId + "\",\"text\":" + ApiClient.quote(text) + "}";
    }

    private String client(String username) throws Exception {
        return api.newClient(admin, username);
    }

    private String id(String token) throws Exception {
        return ApiClient.json(api.call("GET", "api/me", token, null)).getString("id");
    }
}
