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
import jakarta.json.JsonString;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.simulator.client.TextMessages;
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
        // at least the broker, Payara Micro and PostgreSQL
        assertThat(listening).hasSizeGreaterThanOrEqualTo(3).allMatch(ListeningSockets::isLoopback);
    }

    @Test
    @Order(2)
    void operationsEndpointsAnswer() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
        assertThat(get("health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> started = get("health/started");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"ems\"", "UP");
        assertThat(get("openapi").body()).contains("/api/devices/{id}/consumption");
        assertThat(get("metrics").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aReadingSentOverJmsComesBackAsHourlyConsumption() throws Exception {
        UUID device = createDevice();
        ems.sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-10T10:00:00Z", "100.000")));
        ems.sendAsMeter(MeterReadingCodec.encodeClassic(reading(device, "2026-03-10T10:30:00Z", "101.500")));
        ems.sendAsMeter(MeterReadingCodec.encodeBatch(java.util.List.of(
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
        // What an operator watches for saturation: arrival to commit of each message, the queue, the rate.
        assertThat(metric("ems_readings_arrival_to_commit_ms_count")).isGreaterThanOrEqualTo(3);
        assertThat(metric("ems_readings_arrival_to_commit_ms_max")).isLessThan(ARRIVAL.toMillis());
        assertThat(metric("ems_readings_waiting")).as("the broker answered").isGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(metric("ems_readings_per_second"))
                        .as("the readings just stored, once their second is whole")
                        .isGreaterThan(0));
    }

    @Test
    @Order(4)
    void everySeriesTheOperationsFilesNameIsOnMetrics() throws Exception {
        // a failed sign-in: its counter exists from the first one
        HttpResponse<String> failed = http.send(
                HttpRequest.newBuilder(ems.url("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"not-the-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(401);
        java.util.Set<String> named = new java.util.TreeSet<>();
        try (var files = Files.list(Path.of("../../docs/ops"))) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".md")).toList()) {
                Matcher series = Pattern.compile("\\bems_[a-z_]+").matcher(Files.readString(file));
                while (series.find()) {
                    named.add(series.group());
                }
            }
        }
        assertThat(named).contains("ems_readings_stored_total", "ems_readings_waiting", "ems_sockets_open");
        String metrics = get("metrics").body();
        assertThat(named)
                .allSatisfy(series ->
                        assertThat(metrics).as(series + " on /metrics").containsPattern("(?m)^" + series + "\\{"));
    }

    /** A value of {@code /metrics} (its first series), or fails when it is not there. */
    private double metric(String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([-0-9.Ee+]+)$")
                .matcher(get("metrics").body());
        assertThat(m.find()).as(name + " on /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    @Order(3)
    void dailyTotalsAndTheCsvExportGiveTheSameNumbersAsTheHours() throws Exception {
        UUID device = createDevice("Europe/Bucharest");
        // 2026-03-29 has 23 hours in Bucharest (DST starts): a reading at every UTC hour across it, 1 kWh apart.
        Instant first = Instant.parse("2026-03-28T22:00:00Z");
        MeterReading[] readings = new MeterReading[24];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = reading(device, first.plusSeconds(3600L * i).toString(), Integer.toString(i));
        }
        ems.sendReadings(readings);
        String base = "api/devices/" + device + "/consumption";
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(json(get(base + "/daily?from=2026-03-29&to=2026-03-29"))
                                .getJsonArray("days")
                                .getJsonObject(0)
                                .getInt("readings"))
                        .isEqualTo(23));

        var hours = json(get(base + "?date=2026-03-29")).getJsonArray("hours").getValuesAs(JsonObject.class);
        assertThat(hours).hasSize(23);
        HttpResponse<String> csv = get(base + ".csv?from=2026-03-29&to=2026-03-29");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        java.util.List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("start,kwh,readings,flags,price,cost");
        assertThat(lines.subList(1, lines.size()))
                .as("one row per hour, the numbers of the JSON")
                .containsExactlyElementsOf(hours.stream()
                        .map(h -> h.getString("start") + "," + h.getJsonNumber("kwh") + "," + h.getInt("readings") + ","
                                + String.join("|", h.getJsonArray("flags").getValuesAs(JsonString::getString))
                                + ",,") // no tariff: no price, no cost
                        .toList());
        assertThat(lines.get(1)).startsWith("2026-03-29T00:00:00+02:00,1.000000,1,");
        assertThat(lines.get(23)).startsWith("2026-03-29T23:00:00+03:00,1.000000,1,");

        JsonObject daily = json(get(base + "/daily?from=2026-03-28&to=2026-03-30"));
        assertThat(daily.getString("timeZone")).isEqualTo("Europe/Bucharest");
        var days = daily.getJsonArray("days").getValuesAs(JsonObject.class);
        assertThat(days).extracting(d -> d.getString("date")).containsExactly("2026-03-28", "2026-03-29", "2026-03-30");
        assertThat(days.get(1).getJsonNumber("kwh").bigDecimalValue())
                .as("the sum of its hours")
                .isEqualByComparingTo(hours.stream()
                        .map(h -> h.getJsonNumber("kwh").bigDecimalValue())
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("23");
        assertThat(days.get(0).getInt("readings")).isZero();

        assertThat(get(base + "/daily?from=2026-01-01&to=2027-01-02").statusCode())
                .as("over 366 days")
                .isEqualTo(400);
        assertThat(get(base + "/daily?from=2026-03-30&to=2026-03-29").statusCode())
                .as("backwards")
                .isEqualTo(400);
        assertThat(get(base + ".csv?from=29.03.2026&to=2026-03-29").statusCode())
                .isEqualTo(400);
        assertThat(get("api/devices/" + UUID.randomUUID() + "/consumption/daily?from=2026-03-29&to=2026-03-29")
                        .statusCode())
                .isEqualTo(404);
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
        ems.sendAsMeter(poison);
        try (JMSContext app = appFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
                var consumer = app.createConsumer(app.createQueue(Destinations.READINGS_DLQ))) {
            Message dead = consumer.receive(ARRIVAL.toMillis());
            assertThat(dead).isNotNull();
            assertThat(dead.getBody(String.class)).isEqualTo(poison);
            assertThat(dead.getStringProperty(Destinations.ERROR_PROPERTY)).isEqualTo("kwh must be a number");
        }
    }

    @Test
    @Order(5)
    void aReadingMessageOverOneMebibyteIsDeadLetteredUnreadAndHarmsNothingElse() throws Exception {
        UUID device = createDevice();
        String padding = "x".repeat(2 * MeterReadingCodec.MAX_MESSAGE_CHARS);
        ems.sendAsMeter("{\"deviceId\":\"" + device + "\",\"timestamp\":\"2026-03-11T10:00:00Z\",\"kwh\":1,\"pad\":\""
                + padding + "\"}");
        ems.sendAsMeter(MeterReadingCodec.encodeBatch(java.util.List.of(
                reading(device, "2026-03-11T10:00:00Z", "1"), reading(device, "2026-03-11T10:30:00Z", "2"))));
        try (JMSContext app = appFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
                var consumer = app.createConsumer(
                        app.createQueue(Destinations.READINGS_DLQ), "ems_error LIKE 'message of %'")) {
            Message dead = consumer.receive(ARRIVAL.toMillis());
            assertThat(dead).as("dead-lettered").isNotNull();
            assertThat(dead.getStringProperty(Destinations.ERROR_PROPERTY))
                    .matches("message of \\d+ characters exceeds the limit of 1048576");
            assertThat(dead.getBody(String.class)).as("not loaded, not copied").isEmpty();
        }
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(json(get("api/devices/" + device + "/consumption?date=2026-03-11"))
                                .getJsonArray("hours")
                                .getJsonObject(10)
                                .getInt("readings"))
                        .as("the readings after it")
                        .isEqualTo(2));
    }

    @Test
    @Order(5)
    void everyAnswerCarriesTheSecurityHeadersAndNoProductName() throws Exception {
        HttpResponse<String> page = livePage(signInToPages());
        String pagePolicy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(pagePolicy)
                .contains("frame-ancestors 'none'", "object-src 'none'", "script-src 'self' 'nonce-")
                .doesNotContain("unsafe-inline' 'nonce", "'unsafe-eval'");
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .as("one policy")
                .hasSize(1);
        String nonce = pagePolicy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(page.body()).as("the page's scripts carry the nonce").contains("nonce=\"" + nonce + "\"");

        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("page", page);
        answers.put("sign-in page", get("login.xhtml"));
        answers.put("API", get("api/me"));
        answers.put("problem", get("api/devices/not-a-uuid"));
        answers.put("static resource", get("jakarta.faces.resource/ems.js.xhtml?ln=ems"));
        answers.put("not found", get("no/such/page"));
        answers.put("redirect to sign-in", get(""));
        for (var answer : answers.entrySet()) {
            var headers = answer.getValue().headers();
            assertThat(headers.firstValue("X-Content-Type-Options"))
                    .as(answer.getKey())
                    .hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy"))
                    .as(answer.getKey())
                    .hasValue("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy"))
                    .as(answer.getKey())
                    .hasValueSatisfying(v -> assertThat(v).contains("camera=()", "geolocation=()"));
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(answer.getKey())
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        }
        assertThat(answers.get("API").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'none'"));
        assertThat(answers.get("static resource").statusCode()).isEqualTo(200);

        for (String path : java.util.List.of("", "login.xhtml", "api/me", "health/ready", "metrics", "openapi")) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("Server")).as("Server of /" + path).isEmpty();
            assertThat(headers.firstValue("X-Powered-By"))
                    .as("X-Powered-By of /" + path)
                    .isEmpty();
        }

        String sessionCookie = get("login.xhtml").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(sessionCookie)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
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
        HttpResponse<String> page = livePage(cookie);
        assertThat(page.body()).contains("Live readings");
        Matcher channel =
                Pattern.compile("(/jakarta\\.faces\\.push/readings\\?[^\"']+)").matcher(page.body());
        assertThat(channel.find()).as("f:websocket channel URL in page").isTrue();

        var messages = new LinkedBlockingQueue<String>();
        WebSocket socket = http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + ems.httpPort)
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + ems.httpPort + channel.group(1)),
                        new TextMessages(messages::add))
                .get(10, TimeUnit.SECONDS);
        try {
            // The server registers the socket for its channel after the handshake's answer: a reading is sent every
            // 2 s until one comes back, so the first can't be missed by a socket not yet listening.
            List<String> sent = new java.util.ArrayList<>();
            String pushed = null;
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            while (pushed == null && System.nanoTime() < deadline) {
                UUID device = UUID.randomUUID();
                sent.add(device.toString());
                ems.sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-11T08:00:00Z", "5.5")));
                pushed = messages.poll(2, TimeUnit.SECONDS);
            }
            assertThat(pushed).as("a stored reading pushed").isNotNull();
            assertThat(sent).anyMatch(pushed::contains);
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
        ems.sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-12T00:00:00Z", "10")));
        ems.sendAsMeter(MeterReadingCodec.encode(reading(device, "2026-03-12T01:00:00Z", "13")));
        await().atMost(ARRIVAL)
                .until(() -> get("api/devices/" + device + "/consumption?date=2026-03-12")
                                .statusCode()
                        == 200);

        // The home becomes one of round 2, whose PostgreSQL trusted every local connection and whose superuser had no
        // password: the restart must convert it.
        String postgres = "jdbc:postgresql://127.0.0.1:" + ems.dbPort + "/postgres";
        try (var superuser = java.sql.DriverManager.getConnection(
                        postgres, "postgres", ems.secret("db.superuser.password"));
                var statement = superuser.createStatement()) {
            statement.execute("alter role postgres password null");
        }

        // A JVM ended by SIGTERM exits with 143 even after a clean shutdown; what matters is that all is stopped.
        assertThat(ems.stop()).isIn(0, 143);
        Path hba = home.resolve("postgres/pg_hba.conf");
        Files.writeString(hba, "local all all trust\nhost all all all trust\n");
        assertThat(ems.output()).contains("EMS stopped");
        for (int port : new int[] {ems.httpPort, ems.dbPort, ems.brokerPort}) {
            try (var probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(probe.getLocalPort()).as("port %d released", port).isEqualTo(port);
            }
        }

        ems = RunningEms.start(home, ems.httpPort, ems.dbPort, ems.brokerPort);
        ems.awaitLine("EMS ready at", 240);
        assertThat(ems.output()).noneMatch(line -> line.startsWith("Created user 'admin'"));
        assertThat(Files.readString(hba)).doesNotContain("trust").contains("scram-sha-256");
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(postgres, "postgres", "")
                        .close())
                .as("converted: no connection without a password")
                .hasMessageContaining("password");
        HttpResponse<String> after = get("api/devices/" + device + "/consumption?date=2026-03-12");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        JsonObject day = json(after);
        assertThat(day.getJsonArray("hours")
                        .getJsonObject(0)
                        .getJsonNumber("kwh")
                        .bigDecimalValue())
                .isEqualByComparingTo("3");
    }

    @Test
    @Order(10)
    void afterThePowerCutOfTheLauncherAloneItsServicesStopAndTheNextRunStartsCleanly() throws Exception {
        List<ProcessHandle> services =
                List.of(pid("run/micro.pid"), pid("run/broker.pid"), pid("postgres/postmaster.pid"));
        ems.kill(); // SIGKILL to the launcher only: it cannot stop its services, its guard does
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(services)
                        .as("Payara Micro, the broker, PostgreSQL of the killed launcher")
                        .noneMatch(ProcessHandle::isAlive));

        ems = RunningEms.start(home, ems.httpPort, ems.dbPort, ems.brokerPort);
        ems.awaitLine("EMS ready at", 240);
        assertThat(get("api/devices").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void whenPayaraMicroDiesTheLauncherSaysSoAndStartsItAgain() throws Exception {
        ProcessHandle micro = pid("run/micro.pid");
        int from = ems.lines();
        micro.destroyForcibly();
        assertThat(ems.awaitLine(from, "ems: Payara Micro stopped unexpectedly", 30))
                .contains("restarting it in 1 s");
        ems.awaitLine(from, "EMS ready again at", 240);
        assertThat(pid("run/micro.pid").pid()).isNotEqualTo(micro.pid());
        assertThat(get("api/devices").statusCode()).isEqualTo(200);
        aReadingFlowsEndToEnd("2026-03-13");
    }

    @Test
    @Order(12)
    void whenTheBrokerDiesTheLauncherStartsItAgainAndPayaraReconnects() throws Exception {
        int from = ems.lines();
        pid("run/broker.pid").destroyForcibly();
        assertThat(ems.awaitLine(from, "ems: the broker stopped unexpectedly", 30))
                .contains("restarting it in 1 s");
        ems.awaitLine(from, "EMS ready again at", 240);
        aReadingFlowsEndToEnd("2026-03-14");
    }

    @Test
    @Order(13)
    void whenPostgreSqlDiesTheLauncherStartsItAgainAndPayaraReconnects() throws Exception {
        int from = ems.lines();
        pid("postgres/postmaster.pid").destroyForcibly();
        assertThat(ems.awaitLine(from, "ems: PostgreSQL stopped unexpectedly", 30))
                .contains("restarting it in 1 s");
        ems.awaitLine(from, "EMS ready again at", 240);
        aReadingFlowsEndToEnd("2026-03-15");
    }

    /** A new device's reading sent to the broker is stored and counted. */
    private void aReadingFlowsEndToEnd(String date) throws Exception {
        UUID device = createDevice();
        ems.sendAsMeter(MeterReadingCodec.encode(reading(device, date + "T00:00:00Z", "1")));
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(json(get("api/devices/" + device + "/consumption?date=" + date))
                                .getJsonArray("hours")
                                .getJsonObject(0)
                                .getInt("readings"))
                        .isEqualTo(1));
    }

    /** The live process whose pid the file (under the home) holds; its first line for PostgreSQL's. */
    private ProcessHandle pid(String file) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(home.resolve(file)).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " of " + file));
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(ems.url(path));
        if (path.startsWith("api/")) {
            request.header("Authorization", "Bearer " + adminToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The start page (live readings) as the administrator's page session sees it. */
    private HttpResponse<String> livePage(String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(ems.url("")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    /** The session cookie of the administrator signed in through the login form. */
    private String signInToPages() throws IOException, InterruptedException {
        HttpResponse<String> login = ems.signInThroughForm(http, "admin", adminPassword);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .as("an administrator starts in the console")
                .hasValue(ems.url("console/users.xhtml").toString());
        return RunningEms.sessionCookie(login);
    }

    /** A new device (no owner, zone UTC) through the API; its id. */
    private UUID createDevice() throws IOException, InterruptedException {
        return createDevice("UTC");
    }

    /** A new device (no owner) in that zone through the API; its id. */
    private UUID createDevice(String zone) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(ems.url("api/devices"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"meter\",\"maxHourlyKwh\":5,\"timeZone\":\"" + zone + "\"}"))
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
