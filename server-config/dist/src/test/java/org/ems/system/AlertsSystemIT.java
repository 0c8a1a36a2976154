package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ems.system.RunningEms.reading;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Alerts end to end: a device created through the API reaches monitoring by its event, readings go in over JMS as a
 * meter sends them, and the alert comes out on the owner's sockets (token and page session) only, and in the API.
 * (On the shared EMS: its users, devices and alerts are its own.)
 */
class AlertsSystemIT extends SharedEmsSuite {

    @Test
    void anAlertReachesItsOwnerAloneAtOnceAndOnlyOnce() throws Exception {
        String alice = client("alice");
        String bob = client("bob");
        String aliceId = ApiClient.json(api.call("GET", "api/me", alice, null)).getString("id");
        HttpResponse<String> created = api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"boiler\",\"maxHourlyKwh\":1,\"ownerId\":\"" + aliceId + "\",\"timeZone\":\"UTC\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        UUID device = UUID.fromString(ApiClient.json(created).getString("id"));

        var aliceSocket = new LinkedBlockingQueue<String>();
        var alicePage = new LinkedBlockingQueue<String>();
        var bobSocket = new LinkedBlockingQueue<String>();
        var adminSocket = new LinkedBlockingQueue<String>();
        String aliceSession = pageSession("alice");
        List<WebSocket> sockets = List.of(
                api.socket("/ws/alerts", alice, null, aliceSocket),
                api.socket("/ws/alerts", null, aliceSession, alicePage), // as her pages open it
                api.socket("/ws/alerts", bob, null, bobSocket),
                api.socket("/ws/alerts", admin, null, adminSocket));
        try {
            // The device's event may still be on its way to monitoring: readings before it are kept and booked then.
            ems.sendReadings(
                    reading(device, "2026-05-06T10:00:00Z", "0"), reading(device, "2026-05-06T10:30:00Z", "1.5"));

            String text = aliceSocket.poll(20, TimeUnit.SECONDS);
            assertThat(text).as("pushed to the owner's socket within 20 s").isNotNull();
            JsonObject pushed = ApiClient.json(text);
            assertThat(pushed.getString("deviceId")).isEqualTo(device.toString());
            assertThat(pushed.getString("hourStart")).isEqualTo("2026-05-06T10:00:00Z");
            assertThat(pushed.getJsonNumber("kwh").bigDecimalValue()).isEqualByComparingTo("1.5");
            assertThat(pushed.getJsonNumber("limitKwh").bigDecimalValue()).isEqualByComparingTo("1");
            assertThat(pushed.isNull("acknowledgedAt")).isTrue();
            assertThat(alicePage.poll(10, TimeUnit.SECONDS))
                    .as("the page's alerts channel")
                    .contains(device.toString());

            // The same reading again (a redelivery for EMS), later readings of the hour, a late one inside it.
            ems.sendReadings(reading(device, "2026-05-06T10:30:00Z", "1.5"));
            ems.sendReadings(
                    reading(device, "2026-05-06T10:30:00Z", "1.5"),
                    reading(device, "2026-05-06T10:50:00Z", "4"),
                    reading(device, "2026-05-06T10:10:00Z", "0.2"));
            awaitReadings(alice, device, "2026-05-06", 10, 4);
            // All of that is applied. Now each socket's owner gets alerts of devices of their own: whatever was
            // pushed for the first device meanwhile would have come before them.
            UUID kettle = device(aliceId, "kettle");
            UUID kettle2 = device(aliceId, "kettle 2");
            UUID bobsBoiler = device(id(bob), "bob's boiler");
            UUID adminsBoiler = device(id(admin), "admin's boiler");
            Map<LinkedBlockingQueue<String>, Set<UUID>> markers = Map.of(
                    aliceSocket,
                    Set.of(kettle, kettle2),
                    alicePage,
                    Set.of(kettle, kettle2),
                    bobSocket,
                    Set.of(bobsBoiler),
                    adminSocket,
                    Set.of(adminsBoiler));
            for (UUID marker : List.of(kettle, kettle2, bobsBoiler, adminsBoiler)) {
                ems.sendReadings(
                        reading(marker, "2026-05-06T12:00:00Z", "0"), reading(marker, "2026-05-06T12:30:00Z", "5"));
            }
            for (var socket : markers.entrySet()) {
                // Each of the owner's alerts comes, and nothing of the first device: no second alert, none to another.
                for (int expected = socket.getValue().size(); expected > 0; expected--) {
                    String next = socket.getKey().poll(20, TimeUnit.SECONDS);
                    assertThat(next).as("the socket's own next alert").isNotNull();
                    assertThat(socket.getValue()).anyMatch(marker -> next.contains(marker.toString()));
                }
            }
            assertThat(alicePage.stream().filter(message -> message.contains(device.toString())))
                    .isEmpty();
        } finally {
            sockets.forEach(WebSocket::abort);
        }

        JsonArray own = ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + device, alice, null));
        assertThat(own).as("one alert for the hour").hasSize(1);
        String alertId = own.getJsonObject(0).getString("id");
        assertThat(ApiClient.jsonArray(api.call("GET", "api/alerts", alice, null)))
                .as("with the two kettles'")
                .hasSize(3);
        assertThat(ApiClient.jsonArray(api.call("GET", "api/alerts", bob, null)).getValuesAs(JsonObject.class))
                .as("bob sees his own alone")
                .extracting(a -> a.getString("deviceId"))
                .doesNotContain(device.toString())
                .hasSize(1);
        assertThat(ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + device, admin, null)))
                .hasSize(1);
        assertThat(ApiClient.jsonArray(api.call("GET", "api/alerts?deviceId=" + UUID.randomUUID(), alice, null)))
                .isEmpty();
        assertThat(api.call("GET", "api/alerts?deviceId=nope", alice, null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> consumption =
                api.call("GET", "api/devices/" + device + "/consumption?date=2026-05-06", alice, null);
        JsonObject hour = ApiClient.json(consumption).getJsonArray("hours").getJsonObject(10);
        assertThat(hour.getJsonNumber("kwh").bigDecimalValue()).isEqualByComparingTo("4");
        assertThat(hour.getInt("readings")).isEqualTo(4);

        assertThat(api.call("POST", "api/alerts/" + alertId + "/ack", bob, null).statusCode())
                .as("another's")
                .isEqualTo(404);
        assertThat(api.call("POST", "api/alerts/not-an-id/ack", alice, null).statusCode())
                .isEqualTo(400);
        assertThat(api.call("POST", "api/alerts/" + alertId + "/ack", null, null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> acknowledged = api.call("POST", "api/alerts/" + alertId + "/ack", alice, null);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        String at = ApiClient.json(acknowledged).getString("acknowledgedAt");
        assertThat(ApiClient.json(api.call("POST", "api/alerts/" + alertId + "/ack", alice, null))
                        .getString("acknowledgedAt"))
                .as("acknowledged once")
                .isEqualTo(at);
    }

    @Test
    void missedAlertsAreListedAfterSignIn() throws Exception {
        String carol = client("carol");
        String carolId = ApiClient.json(api.call("GET", "api/me", carol, null)).getString("id");
        UUID device = UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"sauna\",\"maxHourlyKwh\":0.5,\"ownerId\":\"" + carolId + "\"}"))
                .getString("id"));
        ems.sendReadings(reading(device, "2026-05-07T18:00:00Z", "10"), reading(device, "2026-05-07T18:20:00Z", "11"));
        assertThat(awaitAlerts(carol)).hasSize(1);

        String cookie = pageSession("carol");
        String page = api.alertsPage(cookie).body();
        assertThat(page).contains("sauna").containsPattern("id=\"alertBadge\"[^>]*>1<");
    }

    /** A new device of the user, limit 1 kWh, in UTC. */
    private UUID device(String ownerId, String name) throws Exception {
        HttpResponse<String> created = api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\"" + name + "\",\"maxHourlyKwh\":1,\"ownerId\":\"" + ownerId + "\",\"timeZone\":\"UTC\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return UUID.fromString(ApiClient.json(created).getString("id"));
    }

    private String id(String token) throws Exception {
        return ApiClient.json(api.call("GET", "api/me", token, null)).getString("id");
    }

    /** Waits until the hour of the device's local day holds that many readings. */
    private void awaitReadings(String token, UUID device, String date, int hour, int readings) throws Exception {
        Awaitility.await("hour " + hour + " of " + date + " holds " + readings + " readings")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiClient.json(api.call(
                                        "GET", "api/devices/" + device + "/consumption?date=" + date, token, null))
                                .getJsonArray("hours")
                                .getJsonObject(hour)
                                .getInt("readings")
                        == readings);
    }

    private JsonArray awaitAlerts(String token) throws Exception {
        return Awaitility.await("an alert")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ApiClient.jsonArray(api.call("GET", "api/alerts", token, null)),
                        alerts -> !alerts.isEmpty());
    }

    private String client(String username) throws Exception {
        return api.newClient(admin, username);
    }

    private String pageSession(String username) throws Exception {
        return RunningEms.sessionCookie(ems.signInThroughForm(api.http, username, username + "-password"));
    }
}
