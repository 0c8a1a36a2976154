package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Devices over the API: who manages and who sees them, their change events, the audit log, the simulator's list. */
class DevicesApiIT extends SharedEmsSuite {

    @Test
    void devicesAreManagedByAdministratorsAndSeenByTheirOwnersOnly() throws Exception {
        String ownerId = ApiClient.json(
                        api.call(
                                "POST",
                                "api/users",
                                admin,
                                "{\"username\":\"owner.one\",\"password\":"
                                        + "\"owner-one-pw\",\"name\":\"O1\",\"role\":\"CLIENT\",\"timeZone\":\"Asia/Kolkata\"}"))
                .getString("id");
        ApiClient.json(api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"owner.two\",\"password\":\"owner-two-pw\"," + "\"name\":\"O2\",\"role\":\"CLIENT\"}"));
        HttpResponse<String> created = api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"<i>Boiler</i>\","
                        + "\"description\":\"'; drop table devices.device; --\",\"address\":\"Str. Mare 1\","
                        + "\"maxHourlyKwh\":1.5,\"ownerId\":\"" + ownerId + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject device = ApiClient.json(created);
        String id = device.getString("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(device.getString("timeZone"))
                .as("the owner's zone by default")
                .isEqualTo("Asia/Kolkata");
        assertThat(device.getString("name")).isEqualTo("<i>Boiler</i>");
        assertThat(created.headers().firstValue("Location"))
                .hasValue(ems.url("api/devices/" + id).toString());

        String one = api.login("owner.one", "owner-one-pw").getString("token");
        String two = api.login("owner.two", "owner-two-pw").getString("token");
        assertThat(api.call("GET", "api/devices", one, null).body()).contains(id);
        assertThat(api.call("GET", "api/devices", two, null).body()).isEqualTo("[]");
        assertThat(api.call("GET", "api/devices/" + id, one, null).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "api/devices/" + id, two, null).statusCode())
                .as("another's device")
                .isEqualTo(404);
        assertThat(api.call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", one, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", two, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.call("POST", "api/devices", one, "{\"name\":\"x\",\"maxHourlyKwh\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("PUT", "api/devices/" + id, one, "{\"name\":\"x\",\"maxHourlyKwh\":1}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("DELETE", "api/devices/" + id, one, null).statusCode())
                .isEqualTo(403);

        JsonObject day =
                ApiClient.json(api.call("GET", "api/devices/" + id + "/consumption?date=2026-03-29", one, null));
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
            HttpResponse<String> refused = api.call("POST", "api/devices", admin, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void everyCommittedDeviceChangeIsOneEventInVersionOrder() throws Exception {
        var broker = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + ems.brokerPort, "ems-app", ems.secret("broker.app.password"));
        try (var jms = broker.createContext();
                var events = jms.createConsumer(jms.createTopic("ems.device-events"))) {
            String ownerId = ApiClient.json(api.call(
                            "POST",
                            "api/users",
                            admin,
                            "{\"username\":\"leaving\",\"password\":"
                                    + "\"leaving-password\",\"name\":\"L\",\"role\":\"CLIENT\"}"))
                    .getString("id");
            String id = ApiClient.json(api.call(
                            "POST",
                            "api/devices",
                            admin,
                            "{\"name\":\"v1\",\"maxHourlyKwh\":1,\"ownerId\":\"" + ownerId + "\"}"))
                    .getString("id");
            api.call(
                    "PUT",
                    "api/devices/" + id,
                    admin,
                    "{\"name\":\"v2\",\"maxHourlyKwh\":2,\"ownerId\":\"" + ownerId + "\"}");
            assertThat(api.call("PUT", "api/devices/" + id, admin, "{\"name\":\"v3\",\"maxHourlyKwh\":0}")
                            .statusCode())
                    .as("refused: no event")
                    .isEqualTo(400);
            api.call("DELETE", "api/users/" + ownerId, admin, null); // the device stays, unassigned
            assertThat(ApiClient.json(api.call("GET", "api/devices/" + id, admin, null))
                            .get("ownerId"))
                    .isIn(null, jakarta.json.JsonValue.NULL);
            api.call("DELETE", "api/devices/" + id, admin, null);

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
    void everyAdministrativeChangeIsInTheAuditLog() throws Exception {
        String id = ApiClient.json(api.call(
                        "POST",
                        "api/users",
                        admin,
                        "{\"username\":\"audited\",\"password\":\"audited-pw-1\","
                                + "\"name\":\"Before\",\"role\":\"CLIENT\"}"))
                .getString("id");
        api.call(
                "PUT",
                "api/users/" + id,
                admin,
                "{\"name\":\"After\",\"role\":\"CLIENT\",\"password\":\"audited-pw-2\"}");
        String device = ApiClient.json(
                        api.call("POST", "api/devices", admin, "{\"name\":\"Audited meter\",\"maxHourlyKwh\":1}"))
                .getString("id");
        api.call("DELETE", "api/devices/" + device, admin, null);

        HttpResponse<String> page = api.call("GET", "api/audit?page=0&size=4", admin, null);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonObject log = ApiClient.json(page);
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
        assertThat(api.call(
                                "GET",
                                "api/audit",
                                api.login("audited", "audited-pw-2").getString("token"),
                                null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("GET", "api/audit?size=0", admin, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theSimulatorSignsInAndListsTheDevicesToSimulate() throws Exception {
        String id = ApiClient.json(
                        api.call("POST", "api/devices", admin, "{\"name\":\"Simulated\",\"maxHourlyKwh\":4}"))
                .getString("id");
        var found = org.ems.simulator.client.EmsDirectory.devices(ems.url(""), "admin", SharedEms.ADMIN_PASSWORD);
        assertThat(found).contains(new org.ems.simulator.client.EmsDirectory.Device(UUID.fromString(id), "Simulated"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> org.ems.simulator.client.EmsDirectory.devices(ems.url(""), "admin", "not-the-password"))
                .hasMessageContaining("EMS refused the sign-in: 401 invalid username or password");
    }
}
