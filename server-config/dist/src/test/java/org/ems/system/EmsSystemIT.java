package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * The built system as a black box: the launcher starts real PostgreSQL, Artemis and Payara Micro; readings go in over
 * JMS as a meter sends them and come back out over HTTP and the pages' push socket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmsSystemIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private Path home;
    private RunningEms ems;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory(Path.of("target"), "ems-home-").toAbsolutePath();
        ems = RunningEms.start(home, RunningEms.freePort(), RunningEms.freePort(), RunningEms.freePort());
        ems.awaitLine("EMS ready at", 240);
        adminPassword = ems.awaitLine("Created user 'admin' with password ", 5).split(" ")[5];
    }

    @AfterAll
    void stop() throws Exception {
        if (ems != null) {
            ems.close();
        }
    }

    @Test
    @Order(1)
    void announcesItsUrlAndTheGeneratedAdminPasswordOnce() {
        assertThat(ems.output()).contains("EMS ready at http://127.0.0.1:" + ems.httpPort + "/");
        assertThat(ems.output())
                .anySatisfy(line -> assertThat(line).matches("Created user 'admin' with password \\S{10,} .*"));
    }

    @Test
    @Order(2)
    void everyProcessListensOnLoopbackOnly() throws Exception {
        var launcher = ems.process().toHandle();
        // PostgreSQL's postmaster detaches from the launcher; its pid is the first line of postmaster.pid.
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        var listening = ListeningSockets.of(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                        launcher, ProcessHandle.of(postmaster).orElseThrow()),
                launcher.descendants()));
        // at least the broker (launcher), Payara Micro and PostgreSQL
        assertThat(listening).hasSizeGreaterThanOrEqualTo(3).allMatch(ListeningSockets::isLoopback);
    }

    @Test
    @Order(2)
    void operationsEndpointsAnswer() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
        assertThat(get("health/live").statusCode()).isEqualTo(200);
        assertThat(get("openapi").body()).contains("/api/devices/{id}/consumption");
        assertThat(get("metrics").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aReadingSentOverJmsComesBackAsHourlyConsumption() throws Exception {
        UUID device = createDevice();
        sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-10T10:00:00Z", "100.000")));
        sendAsMeter(MeterReadingCodec.encodeClassic(reading(device, "2026-03-10T10:30:00Z", "101.500")));
        sendAsMeter(MeterReadingCodec.encodeBatch(java.util.List.of(
                reading(device, "2026-03-10T11:00:00Z", "102.000"),
                reading(device, "2026-03-10T10:30:00Z", "101.500")))); // a duplicate changes nothing

        await().atMost(ARRIVAL).untilAsserted(() -> {
            JsonObject day = json(get("api/devices/" + device + "/consumption?date=2026-03-10"));
            var hours = day.getJsonArray("hours");
            assertThat(hours).hasSize(24);
            JsonObject ten = hours.getJsonObject(10);
            assertThat(ten.getString("start")).isEqualTo("2026-03-10T10:00:00Z");
            assertThat(ten.getJsonNumber("kwh").bigDecimalValue()).isEqualByComparingTo("2.0");
            assertThat(ten.getInt("readings")).isEqualTo(2);
            assertThat(hours.getJsonObject(11).getInt("readings")).isEqualTo(1);
        });
    }

    @Test
    @Order(4)
    void badInputGetsProblemJsonNever500() throws Exception {
        HttpResponse<String> unknown = get("api/devices/" + UUID.randomUUID() + "/consumption?date=2026-03-10");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(unknown).getInt("status")).isEqualTo(404);
        HttpResponse<String> badDate = get("api/devices/" + UUID.randomUUID() + "/consumption?date=10.03.2026");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).getString("detail")).contains("YYYY-MM-DD");
        assertThat(get("api/devices/not-a-uuid/consumption").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void aPoisonMessageLandsInTheDeadLetterQueueWithItsReason() throws Exception {
        String poison =
                "{\"deviceId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2026-03-10T10:00:00Z\",\"kwh\":\"lots\"}";
        sendAsMeter(poison);
        try (JMSContext app = appFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
                var consumer = app.createConsumer(app.createQueue(Destinations.READINGS_DLQ))) {
            Message dead = consumer.receive(ARRIVAL.toMillis());
            assertThat(dead).isNotNull();
            assertThat(dead.getBody(String.class)).isEqualTo(poison);
            assertThat(dead.getStringProperty(Destinations.ERROR_PROPERTY)).isEqualTo("kwh must be a number");
        }
    }

    @Test
    @Order(6)
    void metersMayOnlySendReadings() {
        try (JMSContext meter = meterFactory().createContext()) {
            assertThatThrownBy(() -> meter.createConsumer(meter.createQueue(Destinations.READINGS)))
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("AMQ229213"); // no permission to consume
        }
        ConnectionFactory wrong = new ActiveMQConnectionFactory(brokerUrl(), "meter", "not-the-password");
        assertThatThrownBy(wrong::createContext).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    @Order(7)
    void aStoredReadingIsPushedToAnOpenPage() throws Exception {
        String cookie = signInToPages();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(ems.url("")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Live meter readings");
        Matcher channel =
                Pattern.compile("(/jakarta\\.faces\\.push/readings\\?[^\"']+)").matcher(page.body());
        assertThat(channel.find()).as("f:websocket channel URL in page").isTrue();

        var messages = new LinkedBlockingQueue<String>();
        WebSocket socket = http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + ems.httpPort)
                .buildAsync(URI.create("ws://127.0.0.1:" + ems.httpPort + channel.group(1)), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                })
                .get(10, TimeUnit.SECONDS);
        try {
            UUID device = UUID.randomUUID();
            sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-11T08:00:00Z", "5.5")));
            String pushed = messages.poll(ARRIVAL.toSeconds(), TimeUnit.SECONDS);
            assertThat(pushed).isNotNull().contains(device.toString());
        } finally {
            socket.abort();
        }
    }

    @Test
    @Order(8)
    void aSecondEmsOnTheSameHomeSaysItIsAlreadyRunning() throws Exception {
        try (RunningEms second =
                RunningEms.start(home, RunningEms.freePort(), RunningEms.freePort(), RunningEms.freePort())) {
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process().exitValue()).isEqualTo(1);
            assertThat(second.awaitLine("ems: EMS is already running on " + home, 5))
                    .isNotNull();
        }
    }

    @Test
    @Order(9)
    void stopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        UUID device = createDevice();
        sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-12T00:00:00Z", "10")));
        sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-12T01:00:00Z", "13")));
        await().atMost(ARRIVAL)
                .until(() -> get("api/devices/" + device + "/consumption?date=2026-03-12")
                                .statusCode()
                        == 200);

        // A JVM ended by SIGTERM exits with 143 even after a clean shutdown; what matters is that all is stopped.
        assertThat(ems.stop()).isIn(0, 143);
        assertThat(ems.output()).contains("EMS stopped");
        for (int port : new int[] {ems.httpPort, ems.dbPort, ems.brokerPort}) {
            try (var probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(probe.getLocalPort()).as("port %d released", port).isEqualTo(port);
            }
        }

        ems = RunningEms.start(home, ems.httpPort, ems.dbPort, ems.brokerPort);
        ems.awaitLine("EMS ready at", 240);
        assertThat(ems.output()).noneMatch(line -> line.startsWith("Created user 'admin'"));
        HttpResponse<String> after = get("api/devices/" + device + "/consumption?date=2026-03-12");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        JsonObject day = json(after);
        assertThat(day.getJsonArray("hours")
                        .getJsonObject(0)
                        .getJsonNumber("kwh")
                        .bigDecimalValue())
                .isEqualByComparingTo("3");
    }

    private static MeterReading reading(UUID device, String instant, String kwh) {
        return new MeterReading(device, Instant.parse(instant), new BigDecimal(kwh));
    }

    private String brokerUrl() {
        return "tcp://127.0.0.1:" + ems.brokerPort;
    }

    private ConnectionFactory meterFactory() {
        try {
            return new ActiveMQConnectionFactory(brokerUrl(), "meter", ems.secret("broker.meter.password"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ConnectionFactory appFactory() throws IOException {
        return new ActiveMQConnectionFactory(brokerUrl(), "ems-app", ems.secret("broker.app.password"));
    }

    private void sendAsMeter(String body) {
        try (JMSContext meter = meterFactory().createContext()) {
            meter.createProducer().send(meter.createQueue(Destinations.READINGS), body);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(ems.url(path));
        if (path.startsWith("api/")) {
            request.header("Authorization", "Bearer " + adminToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie of the administrator signed in through the login form. */
    private String signInToPages() throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(ems.url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                                + java.net.URLEncoder.encode(adminPassword, java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(ems.url("").toString());
        return RunningEms.sessionCookie(login);
    }

    /** A new device (no owner, zone UTC) through the API; its id. */
    private UUID createDevice() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(ems.url("api/devices"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"meter\",\"maxHourlyKwh\":5,\"timeZone\":\"UTC\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        return UUID.fromString(json(created).getString("id"));
    }

    /** The generated admin password that the first start printed, exchanged for a token. */
    private String adminToken() throws IOException, InterruptedException {
        String password = adminPassword;
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(ems.url("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json(login).getString("token");
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
