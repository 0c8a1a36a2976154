package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EMS with {@code EMS_TLS=on}: HTTPS only (plain HTTP off), the broker's acceptor TLS only, a self-signed key
 * generated on first start, and meters finding the TLS broker URL in {@code $EMS_HOME/run/meter.properties}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsSystemIT {

    private RunningEms ems;
    private int httpsPort;
    private String adminPassword;
    private HttpClient https;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "ems-tls-").toAbsolutePath();
        httpsPort = RunningEms.freePort();
        ems = RunningEms.start(
                home,
                RunningEms.freePort(),
                RunningEms.freePort(),
                RunningEms.freePort(),
                Map.of("EMS_TLS", "on", "EMS_HTTPS_PORT", Integer.toString(httpsPort)));
        assertThat(ems.awaitLine("EMS ready at", 240)).isEqualTo("EMS ready at https://127.0.0.1:" + httpsPort + "/");
        adminPassword = ems.awaitLine("Created user 'admin' with password ", 5).split(" ")[5];
        https = HttpClient.newBuilder()
                .sslContext(trusting(home.resolve("tls/truststore.p12")))
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        if (ems != null) {
            ems.close();
        }
    }

    @Test
    void servesHttpsOnlyWithItsOwnCertificate() throws Exception {
        HttpResponse<String> health =
                https.send(HttpRequest.newBuilder(url("health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();

        // Nothing on the HTTP port, and a client that does not trust the generated certificate is refused.
        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(ems.url("health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(url("health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        // The session cookie only ever travels encrypted.
        String sessionCookie = https
                .send(HttpRequest.newBuilder(url("login.xhtml")).build(), HttpResponse.BodyHandlers.ofString())
                .headers()
                .allValues("Set-Cookie")
                .stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(sessionCookie)
                .containsIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        // The private key is the owner's only.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ems.home.resolve("tls/keystore.p12"))))
                .isEqualTo("rw-------");
    }

    @Test
    void signsInOverHttpsAndAReadingMakesTheRoundTripOverTls() throws Exception {
        String token = json(https.send(
                        HttpRequest.newBuilder(url("api/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .getString("token");
        HttpResponse<String> created = https.send(
                HttpRequest.newBuilder(url("api/devices"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"tls meter\",\"maxHourlyKwh\":5}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        UUID device = UUID.fromString(json(created).getString("id"));

        String brokerUrl = meterProperties().getProperty("broker.url");
        assertThat(brokerUrl).startsWith("tcp://127.0.0.1:" + ems.brokerPort + "?sslEnabled=true&");
        String meterPassword = ems.secret("broker.meter.password");
        try (JMSContext meter = new ActiveMQConnectionFactory(brokerUrl, "meter", meterPassword).createContext()) {
            for (int i = 0; i <= 6; i++) {
                meter.createProducer()
                        .send(
                                meter.createQueue(Destinations.READINGS),
                                MeterReadingCodec.encode(new MeterReading(
                                        device,
                                        Instant.parse("2026-05-04T10:00:00Z").plusSeconds(600L * i),
                                        BigDecimal.valueOf(100 + i))));
            }
        }
        // MQTT over TLS too: the listener meters know from run/meter.properties.
        assertThat(meterProperties().getProperty("mqtt.url")).isEqualTo("ssl://127.0.0.1:" + ems.mqttPort);
        Mqtt5BlockingClient gateway = mqtt(true);
        gateway.publishWith()
                .topic("ems/readings/" + device)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload("{\"timestamp\":\"2026-05-04T11:20:00Z\",\"kwh\":108}".getBytes(StandardCharsets.UTF_8))
                .send();
        gateway.disconnect();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var hours = json(https.send(
                            HttpRequest.newBuilder(url("api/devices/" + device + "/consumption?date=2026-05-04"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .getJsonArray("hours");
            assertThat(hours.getJsonObject(10).getJsonNumber("kwh").bigDecimalValue())
                    .isEqualByComparingTo("6");
            assertThat(hours.getJsonObject(11).getJsonNumber("kwh").bigDecimalValue())
                    .as("106 at 11:00 over JMS, 108 at 11:20 over MQTT")
                    .isEqualByComparingTo("2");
        });

        // The alerts socket over wss, with the token as subprotocol.
        WebSocket socket = https.newWebSocketBuilder()
                .subprotocols("access_token", token)
                .buildAsync(URI.create("wss://127.0.0.1:" + httpsPort + "/ws/alerts"), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("access_token");
        socket.abort();
    }

    @Test
    void theBrokerRefusesPlainConnections() throws Exception {
        String plain = "tcp://127.0.0.1:" + ems.brokerPort + "?callTimeout=5000&initialConnectAttempts=1";
        assertThatThrownBy(() -> {
                    try (JMSContext meter = new ActiveMQConnectionFactory(
                                    plain, "meter", ems.secret("broker.meter.password"))
                            .createContext()) {
                        meter.createProducer().send(meter.createQueue(Destinations.READINGS), "{}");
                    }
                })
                .isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> mqtt(false)).as("MQTT in plain TCP").isInstanceOf(RuntimeException.class);
    }

    private URI url(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort + "/" + path);
    }

    private Properties meterProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ems.home.resolve("run/meter.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private SSLContext trusting(Path trustStore) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust(trustStore).getTrustManagers(), null);
        return context;
    }

    private TrustManagerFactory trust(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, ems.secret("tls.truststore.password").toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return trust;
    }

    /** A gateway's MQTT 5 client of the MQTT listener, over TLS trusting EMS's certificate or in plain TCP. */
    private Mqtt5BlockingClient mqtt(boolean tls) throws Exception {
        var client = Mqtt5Client.builder()
                .identifier("tls-gateway-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(ems.mqttPort);
        if (tls) {
            client.sslConfig()
                    .trustManagerFactory(trust(ems.home.resolve("tls/truststore.p12")))
                    .applySslConfig();
        }
        Mqtt5BlockingClient connected = client.buildBlocking();
        connected
                .connectWith()
                .simpleAuth()
                .username("meter")
                .password(ems.secret("broker.meter.password").getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send();
        return connected;
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
