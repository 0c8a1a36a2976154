package org.ems.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.runtime.EmsSettings;
import org.ems.runtime.Infrastructure;
import org.ems.runtime.InstallationHome;
import org.ems.runtime.JwtKeys;
import org.ems.runtime.PayaraServerScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ems.ear on a real Payara Server Full, prepared exactly as the README tells an operator: the preboot and resource
 * command files of server-config, then {@code deploy ems.ear}; checked through readiness and a reading round trip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarOnPayaraServerIT {

    private static final String ADMIN_PASSWORD = "ear-admin-password";

    private final Path payara = Path.of(System.getProperty("payara.home"));
    private final int httpPort = freePort();
    private final int adminPort = freePort();
    private final String domain = "ems-it-" + UUID.randomUUID().toString().substring(0, 8);
    private InstallationHome home;
    private Infrastructure infrastructure;
    private boolean domainStarted;

    @BeforeAll
    void startServerAndDeploy() throws Exception {
        Path emsHome = Files.createTempDirectory(Path.of("target"), "ear-home-").toAbsolutePath();
        EmsSettings settings = EmsSettings.embedded(emsHome, httpPort, freePort(), freePort(), freePort());
        home = InstallationHome.open(emsHome);
        infrastructure = Infrastructure.start(settings, home, getClass().getClassLoader());

        Path preboot = emsHome.resolve("preboot.asadmin");
        Files.writeString(
                preboot,
                PayaraServerScripts.render(
                        "payara-server-preboot.asadmin",
                        Map.of(
                                "bind", "127.0.0.1",
                                "http.port", Integer.toString(httpPort),
                                "https.port", Integer.toString(freePort()),
                                "admin.port", Integer.toString(adminPort))));
        var db = infrastructure.database();
        var broker = infrastructure.broker();
        JwtKeys jwt = JwtKeys.ensure(home, java.util.Optional.empty(), java.util.Optional.empty());
        Path resources = emsHome.resolve("resources.asadmin");
        Files.writeString(
                resources,
                PayaraServerScripts.render(
                        "payara-server-resources.asadmin",
                        values(
                                "broker.host", broker.host(),
                                "broker.port", Integer.toString(broker.port()),
                                "broker.user", PayaraServerScripts.propertyValue(broker.appUser()),
                                "broker.password", PayaraServerScripts.propertyValue(broker.appPassword()),
                                "ems-ra.rar", System.getProperty("ems.rar"),
                                "db.url", PayaraServerScripts.propertyValue(db.url()),
                                "db.user", PayaraServerScripts.propertyValue(db.user()),
                                "db.password", PayaraServerScripts.propertyValue(db.password()),
                                "timezone", "UTC",
                                "jwt.private-key",
                                        PayaraServerScripts.propertyValue(
                                                jwt.privateKey().toString()),
                                "jwt.public-key",
                                        PayaraServerScripts.propertyValue(
                                                jwt.publicKey().toUri().toString()))));

        // A new domain each run, so nothing is left from an earlier one.
        asadmin(
                "create-domain",
                "--nopassword=true",
                "--adminport",
                Integer.toString(adminPort),
                "--instanceport",
                Integer.toString(httpPort),
                domain);
        Files.copy(
                Path.of(System.getProperty("postgresql.driver")),
                payara.resolve("glassfish/domains/" + domain + "/lib/postgresql.jar"));
        asadmin("start-domain", "--prebootcommandfile", preboot.toString(), domain);
        domainStarted = true;
        asadmin("--port", Integer.toString(adminPort), "multimode", "--file", resources.toString());
        // The first administrator's password, as an operator would give it before the first deployment.
        asadmin(
                "--port",
                Integer.toString(adminPort),
                "create-system-properties",
                "ems.admin.initial-password=" + ADMIN_PASSWORD);
        asadmin("--port", Integer.toString(adminPort), "deploy", "--name", "ems", System.getProperty("ems.ear"));
    }

    /** Nothing the setup gave the server in clear (the parts' passwords, the first administrator's) is in its log. */
    @Test
    void theServerLogHoldsNoPassword() throws Exception {
        String log = Files.readString(payara.resolve("glassfish/domains/" + domain + "/logs/server.log"));
        assertThat(log).isNotEmpty();
        for (String secret : new String[] {
            infrastructure.database().password(), infrastructure.broker().appPassword(), ADMIN_PASSWORD
        }) {
            assertThat(log).doesNotContain(secret);
        }
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (domainStarted) {
                asadmin("stop-domain", domain);
            }
        } finally {
            if (infrastructure != null) {
                infrastructure.close();
            }
            if (home != null) {
                home.close();
            }
        }
    }

    @Test
    void isReadyAndTurnsAReadingIntoHourlyConsumption() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(url("health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
        });

        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(url("api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(url("api/devices"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"meter\",\"maxHourlyKwh\":3,\"timeZone\":\"UTC\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        UUID device = UUID.fromString(created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        var broker = infrastructure.broker();
        try (JMSContext meter = new ActiveMQConnectionFactory(broker.url(), broker.meterUser(), broker.meterPassword())
                .createContext()) {
            for (var reading : List.of(
                    new MeterReading(device, Instant.parse("2026-03-10T10:00:00Z"), new BigDecimal("7")),
                    new MeterReading(device, Instant.parse("2026-03-10T11:00:00Z"), new BigDecimal("9.5")))) {
                meter.createProducer()
                        .send(meter.createQueue(Destinations.READINGS), MeterReadingCodec.encode(reading));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> day = http.send(
                    HttpRequest.newBuilder(url("api/devices/" + device + "/consumption?date=2026-03-10"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(day.statusCode()).isEqualTo(200);
            assertThat(day.body())
                    .contains("{\"flags\":[],\"kwh\":2.500000,\"readings\":1,\"start\":\"2026-03-10T10:00:00Z\"}");
        });
    }

    private static Map<String, String> values(String... keysAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    private void asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payara.resolve("bin/asadmin").toString());
        command.addAll(List.of(args));
        Path log = Path.of("target", "asadmin.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long before = Files.exists(log) ? Files.size(log) : 0;
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        // multimode exits 0 even when one of its commands fails
        boolean commandFailed = Files.readString(log).substring((int) before).contains(" failed.");
        if (!done || process.exitValue() != 0 || commandFailed) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", args) + " failed; see " + log.toAbsolutePath()
                    + ":\n" + Files.readString(log));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
