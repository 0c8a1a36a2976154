package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** API keys as a utility's back office uses them: a nightly pull with a READER key, an ADMIN key's changes, revocation. */
class ApiKeysIT extends SharedEmsSuite {

    @Test
    void aReaderKeyPullsEverythingAnAdministratorMayReadAndChangesNothing() throws Exception {
        HttpResponse<String> created =
                api.call("POST", "api/api-keys", admin, "{\"name\":\"Billing nightly\",\"role\":\"READER\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonObject made = ApiClient.json(created);
        String key = made.getString("key");
        assertThat(key).startsWith("ems_").hasSizeGreaterThan(40);
        assertThat(made.getString("role")).isEqualTo("READER");

        String device = ApiClient.json(
                        api.call("POST", "api/devices", admin, "{\"name\":\"Billed meter\",\"maxHourlyKwh\":3}"))
                .getString("id");
        for (String read : List.of(
                "api/devices",
                "api/users",
                "api/alerts",
                "api/audit",
                "api/tariffs",
                "api/webhooks",
                "api/devices/" + device,
                "api/devices/" + device + "/consumption.csv?from=2026-03-01&to=2026-03-02")) {
            assertThat(api.call("GET", read, key, null).statusCode()).as(read).isEqualTo(200);
        }
        HttpResponse<String> write =
                api.call("PUT", "api/devices/" + device, key, "{\"name\":\"Renamed\",\"maxHourlyKwh\":3}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(write).getString("detail")).isEqualTo("a READER API key may only read");
        assertThat(api.call("DELETE", "api/devices/" + device, key, null).statusCode())
                .isEqualTo(403);
        assertThat(api.call("POST", "api/api-keys", key, "{\"name\":\"Sneaky\",\"role\":\"ADMIN\"}")
                        .statusCode())
                .isEqualTo(403);

        JsonObject listed =
                ApiClient.jsonArray(api.call("GET", "api/api-keys", admin, null)).getValuesAs(JsonObject.class).stream()
                        .filter(k -> k.getString("id").equals(made.getString("id")))
                        .findFirst()
                        .orElseThrow();
        assertThat(listed.containsKey("key")).as("never the key again").isFalse();
        assertThat(listed.getString("lastUsedAt")).as("its use noted").isNotEmpty();
        assertThat(listed.getString("createdBy")).isEqualTo("admin");
        assertThat(api.call("GET", "api/audit?size=100", admin, null).body())
                .contains("API_KEY_CREATED")
                .doesNotContain(key);

        assertThat(api.call("DELETE", "api/api-keys/" + made.getString("id"), admin, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.call("GET", "api/devices", key, null).statusCode())
                .as("revoked: refused at once")
                .isEqualTo(401);
        assertThat(api.call("DELETE", "api/api-keys/" + made.getString("id"), admin, null)
                        .statusCode())
                .as("revoking again changes nothing")
                .isEqualTo(204);
        assertThat(api.call("GET", "api/audit?size=100", admin, null).body()).contains("API_KEY_REVOKED");
    }

    @Test
    void anAdminKeyChangesThingsUnderItsOwnNameButActsForNoPerson() throws Exception {
        String key = ApiClient.json(
                        api.call("POST", "api/api-keys", admin, "{\"name\":\"Provisioning\",\"role\":\"ADMIN\"}"))
                .getString("key");
        HttpResponse<String> created =
                api.call("POST", "api/devices", key, "{\"name\":\"Provisioned\",\"maxHourlyKwh\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api.call("GET", "api/audit?size=20", admin, null).body())
                .as("the audit names the key")
                .contains("\"actor\":\"api-key:Provisioning\"");
        for (String personal : List.of("api/me", "api/me/notifications", "api/chat/conversations")) {
            HttpResponse<String> answer = api.call("GET", personal, key, null);
            assertThat(answer.statusCode()).as(personal).isEqualTo(403);
            assertThat(ApiClient.json(answer).getString("detail")).contains("acts for no person");
        }
        assertThat(api.call("POST", "api/auth/logout", key, null).statusCode()).isEqualTo(403);
        CompletionException socket = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> http.newWebSocketBuilder()
                        .header("Origin", api.url("").toString().replaceAll("/$", ""))
                        .subprotocols("access_token, " + key)
                        .buildAsync(
                                URI.create(api.url("ws/alerts").toString().replace("http", "ws")),
                                new WebSocket.Listener() {})
                        .join(),
                CompletionException.class);
        assertThat(socket).as("a key opens no socket").isNotNull();
        assertThat(api.call("GET", "console/users.xhtml", key, null).statusCode())
                .as("nor a page")
                .isEqualTo(401);
    }

    @Test
    void keysThatAreExpiredUnknownOrMalformedAreRefused() throws Exception {
        assertThat(api.call(
                                "POST",
                                "api/api-keys",
                                admin,
                                "{\"name\":\"Old\",\"role\":\"READER\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> bad = api.call("POST", "api/api-keys", admin, "{\"name\":\"\",\"role\":\"OWNER\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("role must be ADMIN or READER").contains("name is required");
        String soon = ApiClient.json(api.call(
                        "POST",
                        "api/api-keys",
                        admin,
                        "{\"name\":\"Soon\",\"role\":\"READER\",\"expiresAt\":\""
                                + Instant.now().plusSeconds(2) + "\"}"))
                .getString("key");
        assertThat(api.call("GET", "api/devices", soon, null).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.call("GET", "api/devices", soon, null).statusCode() == 401);
        assertThat(api.call("GET", "api/devices", "ems_" + "A".repeat(43), null).statusCode())
                .isEqualTo(401);
        assertThat(api.call("GET", "api/devices", admin + "x", null).statusCode())
                .isEqualTo(401);
        assertThat(api.call("GET", "api/api-keys", api.newClient(admin, "keyless-client"), null)
                        .statusCode())
                .as("a client lists no keys")
                .isEqualTo(403);
    }

    @Test
    void eachKeyIsThrottledWithRetryAfter() throws Exception {
        String key = ApiClient.json(
                        api.call("POST", "api/api-keys", admin, "{\"name\":\"Greedy\",\"role\":\"READER\"}"))
                .getString("key");
        // 16 at a time over HTTP/1.1 (one HTTP/2 connection would refuse that many streams): far above 50 a second.
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> burst = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                burst.add(threads.submit(() -> client.send(
                        HttpRequest.newBuilder(api.url("api/tariffs?size=1"))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
        } finally {
            threads.shutdown();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : burst) {
            answers.add(answer.get());
        }
        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .containsOnly(200, 429)
                .contains(429);
        HttpResponse<String> refused =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(ApiClient.json(refused).getString("detail")).contains("requests a second with this API key");
    }
}
