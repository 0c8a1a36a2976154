package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./ems run --instances 2}: two Payara Micro instances in one data grid, the broker as a primary/backup pair
 * (MQTT too: the backup serves it on the same port once the primary died),
 * one PostgreSQL. Readings are shared out and stay exact, alerts reach sockets on either instance, the login throttle
 * and page sessions are the cluster's, and killing an instance or the primary broker under load loses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private RunningEms ems;
    private ApiClient one;
    private ApiClient two;
    private String admin;
    private String alice;
    private String aliceId;
    private String meterUrl;

    @BeforeAll
    void start() throws Exception {
        ems = RunningEms.ready("cluster", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD, "EMS_INSTANCES", "2"));
        ems.awaitLine("EMS ready at http://127.0.0.1:" + (ems.httpPort + 1) + "/", 240);
        one = new ApiClient(ems.httpPort);
        two = new ApiClient(ems.httpPort + 1);
        admin = one.login("admin", ADMIN_PASSWORD).getString("token");
        HttpResponse<String> created = one.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"alice\",\"password\":\"alice-password\",\"name\":\"Alice\",\"role\":\"CLIENT\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        alice = two.login("alice", "alice-password").getString("token");
        aliceId = ApiClient.json(two.call("GET", "api/me", alice, null)).getString("id");
        Properties meters = new Properties();
        try (var in = Files.newInputStream(ems.home.resolve("run/meter.properties"))) {
            meters.load(in);
        }
        meterUrl = meters.getProperty("broker.url");
    }

    @AfterAll
    void stop() throws Exception {
        ems.close();
    }

    @Test
    @Order(1)
    void metersGetTheFailoverUrlOfTheBrokerPair() {
        assertThat(meterUrl)
                .isEqualTo("(tcp://127.0.0.1:" + ems.brokerPort + ",tcp://127.0.0.1:" + (ems.brokerPort + 1)
                        + ")?ha=true&reconnectAttempts=-1");
    }

    @Test
    @Order(2)
    void readingsAreSharedOutAndAlertsReachSocketsOnEitherInstance() throws Exception {
        List<UUID> devices = devices(200);
        var onOne = new LinkedBlockingQueue<String>();
        var onTwo = new LinkedBlockingQueue<String>();
        List<WebSocket> sockets =
                List.of(one.socket("/ws/alerts", alice, null, onOne), two.socket("/ws/alerts", alice, null, onTwo));
        try {
            List<MeterReading> readings = new ArrayList<>();
            for (UUID device : devices) {
                readings.add(reading(device, "2026-06-01T10:00:00Z", "0"));
                readings.add(reading(device, "2026-06-01T10:30:00Z", "2")); // over the 1 kWh limit
            }
            send(readings);
            for (var socket : List.of(onOne, onTwo)) {
                Set<String> alerted = new HashSet<>();
                while (alerted.size() < devices.size()) {
                    String next = socket.poll(30, TimeUnit.SECONDS);
                    assertThat(next)
                            .as("alert " + (alerted.size() + 1) + " of " + devices.size())
                            .isNotNull();
                    alerted.add(ApiClient.json(next).getString("deviceId"));
                }
            }
        } finally {
            sockets.forEach(WebSocket::abort);
        }
        // Each instance stored and alerted some: so each socket got alerts that the other instance raised.
        for (ApiClient instance : List.of(one, two)) {
            assertThat(metric(instance, "ems_readings_stored_total")).isPositive();
            assertThat(metric(instance, "ems_alerts_raised_total")).isPositive();
        }
        assertThat(metric(one, "ems_readings_stored_total") + metric(two, "ems_readings_stored_total"))
                .isEqualTo(400);
        assertThat(metric(one, "ems_alerts_raised_total") + metric(two, "ems_alerts_raised_total"))
                .as("one alert per device: none twice")
                .isEqualTo(200);
        for (UUID device : devices.subList(0, 20)) {
            JsonObject hour = ApiClient.json(
                            two.call("GET", "api/devices/" + device + "/consumption?date=2026-06-01", alice, null))
                    .getJsonArray("hours")
                    .getJsonObject(10);
            assertThat(hour.getJsonNumber("kwh").bigDecimalValue()).isEqualByComparingTo("2");
        }
    }

    @Test
    @Order(3)
    void aPasswordChangedOnOneInstanceIsTheOnlyOneTheOtherTakes() throws Exception {
        HttpResponse<String> created = one.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"bob\",\"password\":\"bob-password-1\",\"name\":\"Bob\",\"role\":\"CLIENT\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String bob = two.login("bob", "bob-password-1").getString("token"); // instance 2 has read Bob's account
        HttpResponse<String> changed = one.call(
                "PUT",
                "api/me",
                one.login("bob", "bob-password-1").getString("token"),
                "{\"timeZone\":\"UTC\",\"currentPassword\":\"bob-password-1\",\"newPassword\":\"bob-password-2\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(two.loginResponse("bob", "bob-password-1").statusCode())
                .as("the old password, on the instance that did not make the change")
                .isEqualTo(401);
        assertThat(two.loginResponse("bob", "bob-password-2").statusCode()).isEqualTo(200);
        assertThat(two.call("GET", "api/me", bob, null).statusCode())
                .as("Bob's other sign-ins ended with the change")
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void anApiKeyRevokedOnOneInstanceIsRefusedAtOnceOnTheOther() throws Exception {
        String key = ApiClient.json(
                        one.call("POST", "api/api-keys", admin, "{\"name\":\"Billing\",\"role\":\"READER\"}"))
                .getString("key");
        assertThat(two.call("GET", "api/devices", key, null).statusCode()).isEqualTo(200);
        String id = ApiClient.jsonArray(one.call("GET", "api/api-keys", admin, null))
                .getJsonObject(0)
                .getString("id");
        assertThat(one.call("DELETE", "api/api-keys/" + id, admin, null).statusCode())
                .isEqualTo(204);
        assertThat(two.call("GET", "api/devices", key, null).statusCode())
                .as("the next request on the other instance, without a pause")
                .isEqualTo(401);
    }

    @Test
    @Order(4)
    void theLoginThrottleCountsFailuresOnBothInstances() throws Exception {
        for (ApiClient instance : List.of(one, two, one, two, one)) {
            assertThat(instance.loginResponse("alice", "not-the-password").statusCode())
                    .isEqualTo(401);
        }
        for (ApiClient instance : List.of(two, one)) {
            assertThat(instance.loginResponse("alice", "alice-password").statusCode())
                    .as("the sixth attempt, wherever it is made")
                    .isEqualTo(429);
        }
    }

    @Test
    @Order(5)
    void killingAnInstanceUnderLoadLosesNothingAndItsPageSignInsLiveOn() throws Exception {
        String cookie = RunningEms.sessionCookie(signInOnTwo());
        assertThat(page(ems.httpPort + 1, cookie)).as("signed in on instance 2").contains("Devices");
        int before = ems.lines();
        exactUnder(load -> {
            ProcessHandle.of(Long.parseLong(Files.readString(ems.home.resolve("run/micro-2.pid"))
                            .trim()))
                    .orElseThrow()
                    .destroyForcibly();
            assertThat(page(ems.httpPort, cookie))
                    .as("signed in on instance 1, once instance 2 is gone")
                    .contains("Devices");
        });
        ems.awaitLine(before, "EMS ready again at http://127.0.0.1:" + (ems.httpPort + 1) + "/", 240);
    }

    @Test
    @Order(6)
    void killingThePrimaryBrokerUnderLoadLosesNothing() throws Exception {
        int before = ems.lines();
        exactUnder(load -> ProcessHandle.of(Long.parseLong(
                        Files.readString(ems.home.resolve("run/broker.pid")).trim()))
                .orElseThrow()
                .destroyForcibly());
        ems.awaitLine(before, "the broker stopped unexpectedly", 60);
        // The backup took over MQTT too, on the one port meters know (it opens its acceptors only once live).
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Files.readString(ems.home.resolve("logs/broker-backup.0.log")))
                        .contains("127.0.0.1:" + ems.mqttPort + " for protocols [MQTT]"));
        UUID device = devices(1).get(0);
        for (String reading : List.of(
                "{\"timestamp\":\"2026-07-01T10:00:00Z\",\"kwh\":5}",
                "{\"timestamp\":\"2026-07-01T10:30:00Z\",\"kwh\":5.75}")) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> publishOverMqtt("ems/readings/" + device, reading));
        }
        awaitHour(device, 10, 2, "0.75");
    }

    /** A QoS 1 publication as the gateway; true once the broker acknowledged it. */
    private boolean publishOverMqtt(String topic, String payload) throws Exception {
        var client = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder()
                .identifier("cluster-meter-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(ems.mqttPort)
                .buildBlocking();
        client.connectWith()
                .simpleAuth()
                .username("meter")
                .password(ems.secret("broker.meter.password").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send();
        try {
            client.publishWith()
                    .topic(topic)
                    .qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .send();
            return true;
        } finally {
            client.disconnect();
        }
    }

    /** What a fault does while the load runs. */
    private interface Fault {
        void strike(AtomicInteger sent) throws Exception;
    }

    /**
     * 40 meters send 60 readings each, one a minute of meter time; the fault strikes once a third are acknowledged.
     * Then every device's hour must hold its 60 readings and the exact energy, whichever instance applied them.
     */
    private void exactUnder(Fault fault) throws Exception {
        List<UUID> devices = devices(40);
        Instant start = Instant.parse("2026-07-01T08:00:00Z");
        List<MeterReading> readings = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            for (int d = 0; d < devices.size(); d++) {
                readings.add(new MeterReading(
                        devices.get(d),
                        start.plusSeconds(60L * step),
                        BigDecimal.valueOf(d + 1L)
                                .multiply(BigDecimal.valueOf(step))
                                .movePointLeft(3)));
            }
        }
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            try {
                send(readings, sent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sent.get() >= readings.size() / 3);
        fault.strike(sent);
        sender.join(180_000);
        assertThat(sent.get()).as("every reading acknowledged by the broker").isEqualTo(readings.size());
        for (int d = 0; d < devices.size(); d++) {
            UUID device = devices.get(d);
            String expected = BigDecimal.valueOf(d + 1L)
                    .multiply(BigDecimal.valueOf(59))
                    .movePointLeft(3)
                    .toPlainString();
            awaitHour(device, 8, 60, expected);
        }
    }

    private void awaitHour(UUID device, int hour, int readings, String kwh) throws Exception {
        JsonObject seen = await("device " + device + " has " + readings + " readings at hour " + hour)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            HttpResponse<String> day = one.call(
                                    "GET", "api/devices/" + device + "/consumption?date=2026-07-01", alice, null);
                            return day.statusCode() == 200
                                    ? ApiClient.json(day).getJsonArray("hours").getJsonObject(hour)
                                    : null;
                        },
                        hourSeen -> hourSeen != null && hourSeen.getInt("readings") == readings);
        assertThat(seen.getJsonNumber("kwh").bigDecimalValue())
                .as("device " + device)
                .isEqualByComparingTo(kwh);
    }

    /** New devices of Alice, limit 1 kWh, in UTC. */
    private List<UUID> devices(int count) throws Exception {
        List<UUID> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = (i % 2 == 0 ? one : two)
                    .call(
                            "POST",
                            "api/devices",
                            admin,
                            "{\"name\":\"meter " + i + "\",\"maxHourlyKwh\":1,\"ownerId\":\"" + aliceId
                                    + "\",\"timeZone\":\"UTC\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            devices.add(UUID.fromString(ApiClient.json(created).getString("id")));
        }
        return devices;
    }

    private void send(List<MeterReading> readings) throws Exception {
        send(readings, new AtomicInteger());
    }

    /**
     * Sends as meters do, with the failover URL: each reading grouped by its device and with its duplicate id, in
     * order, each until the broker has it: while the broker fails over a send fails, and is tried again every 200 ms
     * (on a new connection every 10th time, should the client not fail over by itself).
     */
    private void send(List<MeterReading> readings, AtomicInteger sent) throws Exception {
        try (var factory = new ActiveMQConnectionFactory(meterUrl, "meter", ems.secret("broker.meter.password"))) {
            JMSContext[] meter = {factory.createContext()};
            try {
                for (MeterReading reading : readings) {
                    AtomicInteger attempts = new AtomicInteger();
                    await("reading " + sent.get() + " sent while failing over")
                            .atMost(Duration.ofSeconds(60))
                            .pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> {
                                try {
                                    meter[0].createProducer()
                                            .setProperty(
                                                    "JMSXGroupID",
                                                    reading.deviceId().toString())
                                            .setProperty("_AMQ_DUPL_ID", reading.deviceId() + "/" + reading.timestamp())
                                            .send(
                                                    meter[0].createQueue(Destinations.READINGS),
                                                    MeterReadingCodec.encode(reading));
                                    return true;
                                } catch (JMSRuntimeException failingOver) {
                                    if (attempts.incrementAndGet() % 10 == 0) {
                                        meter[0].close();
                                        meter[0] = factory.createContext();
                                    }
                                    return false;
                                }
                            });
                    sent.incrementAndGet();
                }
            } finally {
                meter[0].close();
            }
        }
    }

    private static MeterReading reading(UUID device, String instant, String kwh) {
        return RunningEms.reading(device, instant, kwh);
    }

    private HttpResponse<String> signInOnTwo() throws Exception {
        HttpResponse<String> signedIn = RunningEms.signInThroughForm(two.http, two.url(""), "admin", ADMIN_PASSWORD);
        assertThat(signedIn.headers().map())
                .as("signed in: sent on to the console with a new session")
                .containsKey("Set-Cookie")
                .containsEntry(
                        "Location", List.of(two.url("console/users.xhtml").toString()));
        return signedIn;
    }

    /** The admin console's devices page as the session sees it on that instance (the login page if signed out). */
    private String page(int port, String cookie) throws Exception {
        HttpResponse<String> page = one.http.send(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/console/devices.xhtml"))
                        .header("Cookie", cookie)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("not sent to the login page").isEqualTo(200);
        return page.body();
    }

    private static double metric(ApiClient instance, String name) throws Exception {
        String metrics = instance.http
                .send(
                        HttpRequest.newBuilder(instance.url("metrics"))
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m =
                Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([-0-9.Ee+]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
