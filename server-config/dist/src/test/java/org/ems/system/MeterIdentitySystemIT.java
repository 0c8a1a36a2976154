package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ems.system.RunningEms.reading;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReadingCodec;
import org.junit.jupiter.api.Test;

/**
 * Meters with their own credentials, end to end: issued over the API, checked by the broker against the database,
 * each meter's readings applied only for its own device (another's dead-lettered with the reason), rotation and
 * revocation effective at once, the gateway account working, and refused once switched off. (On the shared EMS; the
 * gateway switched off needs an EMS of its own.)
 */
class MeterIdentitySystemIT extends SharedEmsSuite {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Test
    void aMeterSendsItsOwnReadingsOnlyAndItsCredentialCanBeRotatedAndRevoked() throws Exception {
        UUID mine = device("own meter");
        UUID neighbour = device("neighbour");
        HttpResponse<String> issued = api.call("POST", "api/devices/" + mine + "/credentials", admin, null);
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject credential = ApiClient.json(issued);
        assertThat(credential.getString("username")).isEqualTo(mine.toString());
        String password = credential.getString("password");

        // Its own readings are applied; a neighbour's, alone or in a batch with its own, are dead-lettered.
        try (JMSContext meter = meter(mine.toString(), password)) {
            send(meter, MeterReadingCodec.encode(reading(mine, "2026-04-01T10:00:00Z", "1")));
            send(meter, MeterReadingCodec.encode(reading(neighbour, "2026-04-01T10:00:00Z", "5")));
            send(
                    meter,
                    MeterReadingCodec.encodeBatch(List.of(
                            reading(mine, "2026-04-01T10:30:00Z", "2"),
                            reading(neighbour, "2026-04-01T10:30:00Z", "9"))));
        }
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(readings(mine)).isEqualTo(2));
        try (JMSContext app = appContext();
                var dead = app.createConsumer(app.createQueue(Destinations.READINGS_DLQ), "ems_error LIKE 'meter %'")) {
            for (String kwh : List.of("5", "9")) {
                Message message = dead.receive(ARRIVAL.toMillis());
                assertThat(message)
                        .as("the neighbour's reading of " + kwh + " kWh dead-lettered")
                        .isNotNull();
                assertThat(message.getStringProperty(Destinations.ERROR_PROPERTY))
                        .isEqualTo("meter " + mine + " may not send readings of device " + neighbour);
                assertThat(message.getBody(String.class)).contains(neighbour.toString());
            }
        }
        assertThat(readings(neighbour)).as("nothing of it applied").isZero();

        // Rotation: the old password stops at once (a new connection, and one already open), the new one works.
        JMSContext stillOpen = meter(mine.toString(), password);
        String rotated = ApiClient.json(api.call("POST", "api/devices/" + mine + "/credentials", admin, null))
                .getString("password");
        assertThat(rotated).isNotEqualTo(password);
        assertThatThrownBy(() -> meter(mine.toString(), password).close())
                .as("the old password, a new connection")
                .isInstanceOf(JMSSecurityRuntimeException.class);
        // The broker checks an open connection's permissions again each second: its sends are refused from then on.
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThatThrownBy(() ->
                                send(stillOpen, MeterReadingCodec.encode(reading(mine, "2026-04-01T11:00:00Z", "3"))))
                        .as("the old password, a connection open since before")
                        .isInstanceOf(JMSSecurityRuntimeException.class));
        stillOpen.close();
        try (JMSContext meter = meter(mine.toString(), rotated)) {
            send(meter, MeterReadingCodec.encode(reading(mine, "2026-04-01T11:00:00Z", "3")));
        }
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(readings(mine)).isEqualTo(3));
        // The simulator as this meter, with its own credential.
        int exit = new picocli.CommandLine(new org.ems.simulator.Simulate())
                .execute(
                        "--device",
                        mine.toString(),
                        "--user",
                        mine.toString(),
                        "--password",
                        rotated,
                        "--broker",
                        "tcp://127.0.0.1:" + ems.brokerPort,
                        "--start",
                        "2026-04-02T00:00:00Z",
                        "--count",
                        "3",
                        "--speed",
                        "100000",
                        "--state",
                        Files.createTempDirectory(ems.home, "simulator-").toString());
        assertThat(exit).isZero();
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(readings(mine, "2026-04-02")).isEqualTo(3));

        // Revocation: no more connections. The credential shows in no answer but the one that issued it.
        assertThat(api.call("DELETE", "api/devices/" + mine + "/credentials", admin, null)
                        .statusCode())
                .isEqualTo(204);
        assertThatThrownBy(() -> meter(mine.toString(), rotated).close()).isInstanceOf(JMSRuntimeException.class);
        String audit = api.call("GET", "api/audit?size=50", admin, null).body();
        assertThat(audit)
                .contains("CREDENTIAL_ISSUED", "CREDENTIAL_ROTATED", "CREDENTIAL_REVOKED")
                .doesNotContain(password, rotated, "pbkdf2");
        assertThat(api.call("GET", "api/devices/" + mine, admin, null).body()).doesNotContain(rotated);
        assertThat(Files.readString(ems.home.resolve("logs/micro.0.log"))).doesNotContain(password, rotated);
        assertThat(String.join("\n", ems.output())).doesNotContain(password, rotated);

        // The gateway account (the simulator's) still reports any device.
        ems.sendReadings(reading(neighbour, "2026-04-01T12:00:00Z", "1"));
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(readings(neighbour)).isEqualTo(1));
        assertThat(api.call("POST", "api/devices/" + UUID.randomUUID() + "/credentials", admin, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theGatewayAccountCanBeSwitchedOff() throws Exception {
        try (RunningEms closed = RunningEms.ready(
                "no-gateway", Map.of("EMS_ADMIN_PASSWORD", ADMIN_PASSWORD, "EMS_BROKER_GATEWAY", "off"))) {
            assertThatThrownBy(() -> closed.sendReadings(reading(UUID.randomUUID(), "2026-04-01T12:00:00Z", "1")))
                    .isInstanceOf(JMSRuntimeException.class);
        }
    }

    private UUID device(String name) throws Exception {
        return UUID.fromString(ApiClient.json(
                        api.call("POST", "api/devices", admin, "{\"name\":\"" + name + "\",\"maxHourlyKwh\":100}"))
                .getString("id"));
    }

    private int readings(UUID device) throws Exception {
        return readings(device, "2026-04-01");
    }

    private int readings(UUID device, String date) throws Exception {
        return api.readings(admin, device, date);
    }

    private JMSContext meter(String user, String password) {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + ems.brokerPort, user, password).createContext();
    }

    private JMSContext appContext() throws Exception {
        return new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + ems.brokerPort, "ems-app", ems.secret("broker.app.password"))
                .createContext();
    }

    private static void send(JMSContext meter, String body) {
        meter.createProducer().send(meter.createQueue(Destinations.READINGS), body);
    }
}
