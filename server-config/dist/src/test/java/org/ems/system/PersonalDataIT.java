package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A person's data (GDPR): everything EMS keeps of a client in one download; an erased user's name gone from the rest. */
class PersonalDataIT extends SharedEmsSuite {

    @Test
    void aClientDownloadsEverythingEmsKeepsOfThem() throws Exception {
        String run = "gdpr" + UUID.randomUUID().toString().substring(0, 6);
        String client = api.newClient(admin, run);
        String clientId =
                ApiClient.json(api.call("GET", "api/me", client, null)).getString("id");
        String device = ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"" + run + " boiler\",\"maxHourlyKwh\":1,\"timeZone\":\"UTC\",\"ownerId\":\""
                                + clientId + "\"}"))
                .getString("id");
        ems.sendReadings(
                RunningEms.reading(UUID.fromString(device), "2026-03-10T10:00:00Z", "0"),
                RunningEms.reading(UUID.fromString(device), "2026-03-10T10:30:00Z", "3"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + device, client, null))
                        .isEmpty());
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = api.socket("/ws/chat", client, null, frames);
        socket.sendText(
                        "{\"type\":\"send\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\"Why, " + run
                                + "?\"}",
                        true)
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frames.stream().anyMatch(f -> f.contains("\"type\":\"ack\""))); // stored
        socket.abort();

        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(api.url("api/me/export"))
                        .header("Authorization", "Bearer " + client)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment").contains(run));
        Map<String, String> files = unzip(download.body());
        assertThat(files)
                .containsKeys(
                        "profile.json",
                        "notifications.json",
                        "devices.json",
                        "devices.csv",
                        "consumption/" + device + ".csv",
                        "alerts.json",
                        "alerts.csv",
                        "chat.json",
                        "chat.csv");
        assertThat(ApiClient.json(files.get("profile.json")).getString("username"))
                .isEqualTo(run);
        assertThat(files.get("devices.csv")).contains(run + " boiler,,,1.000," + run + ",UTC,");
        assertThat(files.get("consumption/" + device + ".csv"))
                .startsWith("start,kwh,readings,flags,price,cost\n")
                .contains("2026-03-10T10:00:00Z,3.000000,2,,,")
                .hasLineCount(25);
        assertThat(ApiClient.jsonArray(files.get("alerts.json"))
                        .getJsonObject(0)
                        .getString("deviceId"))
                .isEqualTo(device);
        assertThat(files.get("chat.csv")).contains("Why, " + run + "?");
        assertThat(api.call("GET", "api/me/export", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anErasedUsersNameIsGoneFromWhatStays() throws Exception {
        String run = "erase" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> made = api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"" + run + "\",\"password\":\"" + run + "-password\",\"name\":\"Ada " + run
                        + "\",\"role\":\"ADMIN\",\"email\":\"" + run + "@example.com\"}");
        String id = ApiClient.json(made).getString("id");
        String eraser = api.login(run, run + "-password").getString("token");
        // Ada works: she makes a device (audited as her) and answers a client in the chat.
        assertThat(api.call("POST", "api/devices", eraser, "{\"name\":\"" + run + " meter\",\"maxHourlyKwh\":2}")
                        .statusCode())
                .isEqualTo(201);
        String client = api.newClient(admin, run + "-client");
        String clientId =
                ApiClient.json(api.call("GET", "api/me", client, null)).getString("id");
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = api.socket("/ws/chat", eraser, null, frames);
        socket.sendText(
                        "{\"type\":\"send\",\"conversationId\":\"" + clientId + "\",\"clientMsgId\":\""
                                + UUID.randomUUID() + "\",\"text\":\"Hello from Ada\"}",
                        true)
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frames.stream().anyMatch(f -> f.contains("\"type\":\"ack\""))); // stored
        socket.abort();

        HttpResponse<String> erased = api.call("POST", "api/users/" + id + "/erase", admin, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        String alias = ApiClient.json(erased).getString("alias");
        assertThat(alias).isEqualTo("erased-" + id.substring(0, 8));
        assertThat(api.call("GET", "api/users/" + id, admin, null).statusCode()).isEqualTo(404);
        assertThat(api.loginResponse(run, run + "-password").statusCode()).isEqualTo(401);

        String audit = api.call("GET", "api/audit?size=500", admin, null).body();
        assertThat(audit)
                .doesNotContain(run + "\"")
                .doesNotContain("Ada " + run)
                .doesNotContain(run + "@example.com");
        assertThat(audit).contains("\"actor\":\"" + alias + "\"").contains("\"action\":\"ERASED\"");
        String history = api.call("GET", "api/chat/conversations/" + clientId + "/messages", client, null)
                .body();
        assertThat(history).contains("Hello from Ada").contains(alias).doesNotContain("\"" + run + "\"");
        assertThat(api.call("POST", "api/users/" + UUID.randomUUID() + "/erase", admin, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
