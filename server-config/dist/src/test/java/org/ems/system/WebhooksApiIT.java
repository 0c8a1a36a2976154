package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/webhooks} on an EMS with the default rules: administrators only, {@code https} URLs of public addresses
 * only (no way into the network EMS runs in), known events only; the secret shown once, never audited.
 */
class WebhooksApiIT extends SharedEmsSuite {

    /** A public address that needs no name lookup (none is made in this closed network). */
    private static final String PUBLIC = "https://93.184.215.14/ems-events";

    @Test
    void hooksPointOnlyToHttpsUrlsOfPublicAddresses() throws Exception {
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://localhost:8443/hook",
                "https://10.0.0.5/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "http://93.184.215.14/hook",
                "ftp://93.184.215.14/hook")) {
            HttpResponse<String> refused =
                    api.call("POST", "api/webhooks", admin, "{\"url\":\"" + url + "\",\"events\":[\"alert.raised\"]}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("\"field\":\"url\"");
        }
        HttpResponse<String> unknownEvent =
                api.call("POST", "api/webhooks", admin, "{\"url\":\"" + PUBLIC + "\",\"events\":[\"meter.exploded\"]}");
        assertThat(unknownEvent.statusCode()).isEqualTo(400);
        assertThat(unknownEvent.body()).contains("alert.raised");
        assertThat(api.call("POST", "api/webhooks", admin, "{\"url\":\"" + PUBLIC + "\",\"events\":[]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.call(
                                "POST",
                                "api/webhooks",
                                admin,
                                "{\"url\":\"" + PUBLIC + "\",\"events\":[\"alert.raised\"]," + "\"secret\":\"short\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void administratorsKeepHooksAndSeeTheSecretOnce() throws Exception {
        HttpResponse<String> created = api.call(
                "POST",
                "api/webhooks",
                admin,
                "{\"url\":\"" + PUBLIC + "\",\"events\":[\"device.deleted\"],\"secret\":\"a-secret-of-the-test-1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject hook = ApiClient.json(created);
        assertThat(hook.getString("secret")).isEqualTo("a-secret-of-the-test-1");
        String id = hook.getString("id");
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(id));

        assertThat(api.call("GET", "api/webhooks", admin, null).body())
                .contains(id)
                .doesNotContain("a-secret-of-the-test-1");
        JsonObject changed = ApiClient.json(api.call(
                "PUT",
                "api/webhooks/" + id,
                admin,
                "{\"url\":\"" + PUBLIC + "\",\"events\":[\"device.deleted\",\"alert.withdrawn\"],\"enabled\":false}"));
        assertThat(changed.getBoolean("enabled")).isFalse();
        assertThat(changed.getString("disabledAt")).isNotBlank();
        assertThat(changed.getJsonArray("events")).hasSize(2);
        assertThat(changed.containsKey("secret") && !changed.isNull("secret")).isFalse();
        assertThat(ApiClient.jsonArray(api.call("GET", "api/webhooks/" + id + "/deliveries", admin, null)))
                .isEmpty();

        String client = client("hook-watcher");
        assertThat(api.call("GET", "api/webhooks", client, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", "api/webhooks/" + id + "/test", client, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("GET", "api/webhooks/not-an-id", admin, null).statusCode())
                .isEqualTo(400);

        assertThat(api.call("DELETE", "api/webhooks/" + id, admin, null).statusCode())
                .isEqualTo(204);
        assertThat(api.call("GET", "api/webhooks/" + id, admin, null).statusCode())
                .isEqualTo(404);
        assertThat(api.call("GET", "api/audit?size=100", admin, null).body())
                .contains("WEBHOOK_CREATED")
                .contains("WEBHOOK_UPDATED")
                .contains("WEBHOOK_DELETED")
                .doesNotContain("a-secret-of-the-test-1");
    }

    private String client(String username) throws Exception {
        return api.newClient(admin, username);
    }
}
