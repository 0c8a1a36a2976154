package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Meters that speak MQTT (3.1.1 and 5) to the embedded broker and HTTP to {@code POST /api/readings}, end to end on
 * the shared EMS: their own credential or the gateway's, their own topic only, no subscription (and the readings'
 * queue unharmed by one), QoS 1 acknowledged
 * only once durable (a broker killed and restarted in the middle loses none), HTTP's answers (202, 400, 401, 403,
 * 413, 429), and every hour exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeterProtocolsSystemIT extends SharedEmsSuite {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Test
    void aMeterPublishesOverMqtt5ToItsOwnTopicOnlyAndSubscribesToNothing() throws Exception {
        UUID meter = device("mqtt meter");
        UUID neighbour = device("mqtt neighbour");
        String password = credential(meter);
        Mqtt5BlockingClient client = mqtt5(meter.toString(), password);
        try {
            // Its own topic: the device id may be left out, the topic names it.
            publish(client, "ems/readings/" + meter, "{\"timestamp\":\"2026-05-01T10:00:00Z\",\"kwh\":100}");
            publish(
                    client,
                    "ems/readings/" + meter,
                    "{\"deviceId\":\"" + meter + "\",\"timestamp\":" + "\"2026-05-01T10:30:00Z\",\"kwh\":101.5}");
            // A neighbour's topic, the dead-letter queue's, the gateways' batch topic: refused by the broker.
            for (String topic : List.of("ems/readings/" + neighbour, "ems/readings/dlq")) {
                assertThatThrownBy(() -> publish(client, topic, "{\"timestamp\":\"2026-05-01T10:00:00Z\",\"kwh\":1}"))
                        .as(topic)
                        .isInstanceOfSatisfying(
                                Mqtt5PubAckException.class,
                                e -> assertThat(e.getMqttMessage().getReasonCode())
                                        .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
            }
            // Not JSON, on its own topic: dead-lettered with the reason, as over JMS.
            publish(client, "ems/readings/" + meter, "not json");
        } finally {
            client.disconnect();
        }
        // Every subscription and unsubscription: the connection closed, and the readings' queue as it was.
        for (String filter : List.of("ems/readings", "ems/readings/#", "ems/readings/" + meter)) {
            Mqtt5BlockingClient subscriber = mqtt5(meter.toString(), password);
            assertThatThrownBy(() -> subscriber
                            .subscribeWith()
                            .topicFilter(filter)
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .send())
                    .as(filter)
                    .isInstanceOfAny(ConnectionClosedException.class, MqttSessionExpiredException.class);
        }
        Mqtt5BlockingClient unsubscriber = mqtt5(meter.toString(), password);
        assertThatThrownBy(() -> unsubscriber
                        .unsubscribeWith()
                        .topicFilter("ems/readings")
                        .send())
                .isInstanceOfAny(ConnectionClosedException.class, MqttSessionExpiredException.class);
        Mqtt5BlockingClient after = mqtt5(meter.toString(), password);
        publish(after, "ems/readings/" + meter, "{\"timestamp\":\"2026-05-01T11:00:00Z\",\"kwh\":102.5}");
        // QoS 0 is accepted too (fire and forget: nothing to repeat if the broker were away).
        after.publishWith()
                .topic("ems/readings/" + meter)
                .qos(MqttQos.AT_MOST_ONCE)
                .payload("{\"timestamp\":\"2026-05-01T11:30:00Z\",\"kwh\":103.5}".getBytes(StandardCharsets.UTF_8))
                .send();
        after.disconnect();
        await().atMost(ARRIVAL)
                .untilAsserted(() -> assertThat(hours(meter, "2026-05-01"))
                        .containsEntry("10", "2.500000/2")
                        .containsEntry("11", "1.000000/2"));
        assertThat(readings(neighbour, "2026-05-01")).isZero();
        try (JMSContext app = appContext();
                var dead = app.createConsumer(
                        app.createQueue(Destinations.READINGS_DLQ), "ems_error LIKE 'not valid JSON%'")) {
            List<String> bodies = new ArrayList<>();
            for (Message message; (message = dead.receive(ARRIVAL.toMillis())) != null; ) {
                bodies.add(message.getBody(String.class));
                if (bodies.contains("not json")) {
                    break;
                }
            }
            assertThat(bodies)
                    .as("the MQTT payload that is no JSON, dead-lettered")
                    .contains("not json");
        }
        assertThat(metric("ems_reading_messages_received_total", "protocol=\"mqtt\""))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theGatewayPublishesOverMqtt311ToAnyDevicesTopicAndBatchesToTheGatewayTopic() throws Exception {
        UUID one = device("gateway meter 1");
        UUID two = device("gateway meter 2");
        Mqtt3BlockingClient gateway = Mqtt3Client.builder()
                .identifier("gateway-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(ems.mqttPort)
                .buildBlocking();
        gateway.connectWith()
                .simpleAuth()
                .username("meter")
                .password(ems.secret("broker.meter.password").getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send();
        try {
            gateway.publishWith()
                    .topic("ems/readings")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"readings\":[" + reading(one, "2026-05-02T00:00:00Z", "10") + ","
                                    + reading(two, "2026-05-02T00:00:00Z", "20") + ","
                                    + reading(one, "2026-05-02T00:15:00Z", "10.25") + "]}")
                            .getBytes(StandardCharsets.UTF_8))
                    .send();
            gateway.publishWith()
                    .topic("ems/readings/" + two)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"timestamp\":\"2026-05-02T00:45:00Z\",\"kwh\":21}".getBytes(StandardCharsets.UTF_8))
                    .send();
        } finally {
            gateway.disconnect();
        }
        // Nor may the gateway subscribe: a failure code, or the connection closed.
        gateway.connectWith()
                .simpleAuth()
                .username("meter")
                .password(ems.secret("broker.meter.password").getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send();
        assertThatThrownBy(() -> gateway.subscribeWith()
                        .topicFilter("ems/readings")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send())
                .isInstanceOfAny(ConnectionClosedException.class, MqttSessionExpiredException.class);
        await().atMost(ARRIVAL).untilAsserted(() -> {
            assertThat(hours(one, "2026-05-02")).containsEntry("00", "0.250000/2");
            assertThat(hours(two, "2026-05-02")).containsEntry("00", "1.000000/2");
        });
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the suites after it find the broker back and EMS sending again
    void qos1PublicationsSurviveTheBrokerKilledAndRestartedMidway() throws Exception {
        UUID meter = device("mqtt through a broker restart");
        String password = credential(meter);
        int count = 200;
        AtomicInteger acknowledged = new AtomicInteger();
        Instant first = Instant.parse("2026-05-03T00:00:00Z");
        AtomicReference<Mqtt5BlockingClient> client = new AtomicReference<>();
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                String payload = "{\"timestamp\":\"" + first.plusSeconds(60L * i) + "\",\"kwh\":" + (1000 + i) + "}";
                // Only an acknowledged reading is done: while the broker is away, the same one is published again.
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .ignoreExceptions()
                        .until(() -> {
                            try {
                                if (client.get() == null) {
                                    client.set(mqtt5(meter.toString(), password));
                                }
                                publish(client.get(), "ems/readings/" + meter, payload);
                                return true;
                            } catch (RuntimeException brokerAway) {
                                client.set(null);
                                throw brokerAway;
                            }
                        });
                acknowledged.incrementAndGet();
            }
            client.get().disconnect();
        });
        await().atMost(ARRIVAL).until(() -> acknowledged.get() >= count / 4);
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(
                        Files.readString(ems.home.resolve("run/broker.pid")).trim()))
                .orElseThrow();
        broker.destroyForcibly(); // kill -9: what it acknowledged must be in its journal
        broker.onExit().get();
        publisher.get(3, java.util.concurrent.TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(readings(meter, "2026-05-03")).isEqualTo(count));
        // EMS's own connections to the broker are back: a reading posted over HTTP (the register unchanged) is queued.
        String gateway = basic("meter", ems.secret("broker.meter.password"));
        await().atMost(ARRIVAL)
                .until(() -> post(gateway, reading(meter, "2026-05-03T12:00:00Z", "1199"))
                                .statusCode()
                        == 202);
        assertThat(hours(meter, "2026-05-03"))
                .containsEntry("00", "60.000000/60")
                .containsEntry("02", "60.000000/60")
                .containsEntry("03", "19.000000/20");
    }

    @Test
    void metersPostReadingsOverHttpAndGetAClearAnswerForEveryMistake() throws Exception {
        UUID meter = device("http meter");
        UUID neighbour = device("http neighbour");
        String password = credential(meter);
        String basic = basic(meter.toString(), password);

        HttpResponse<String> accepted = post(basic, reading(meter, "2026-05-04T08:00:00Z", "50"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(ApiClient.json(accepted).getInt("accepted")).isEqualTo(1);
        assertThat(post(
                                basic,
                                "{\"readings\":[" + reading(meter, "2026-05-04T08:20:00Z", "51") + ","
                                        + reading(meter, "2026-05-04T08:40:00Z", "52") + "]}")
                        .statusCode())
                .isEqualTo(202);

        // Anything wrong: 400 listing it, nothing of the message queued.
        HttpResponse<String> invalid = post(
                basic,
                "{\"readings\":[" + reading(meter, "2026-05-04T09:00:00Z", "53") + ",{\"deviceId\":\"" + meter
                        + "\",\"timestamp\":\"2026-05-04T09:10:00Z\",\"kwh\":-1}]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiClient.json(invalid)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("readings[1]");
        HttpResponse<String> foreign = post(basic, reading(neighbour, "2026-05-04T09:00:00Z", "1"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("may not send readings of device " + neighbour);
        assertThat(post(basic, "{not json").statusCode()).isEqualTo(400);

        // Who may post: a meter or the gateway, by HTTP Basic; no one else, and not a person's token.
        HttpResponse<String> wrong =
                post(basic(meter.toString(), "wrong-password"), reading(meter, "2026-05-04T09:00:00Z", "1"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(post(null, reading(meter, "2026-05-04T09:00:00Z", "1")).statusCode())
                .isEqualTo(401);
        assertThat(post("Bearer " + admin, reading(meter, "2026-05-04T09:00:00Z", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.call("GET", "api/devices", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> gateway = post(
                basic("meter", ems.secret("broker.meter.password")), reading(neighbour, "2026-05-04T09:00:00Z", "7"));
        assertThat(gateway.statusCode()).isEqualTo(202);
        // Many more posts than the JMS pool has connections (32): each returns its own.
        for (int i = 1; i <= 100; i++) {
            HttpResponse<String> more = post(
                    basic("meter", ems.secret("broker.meter.password")),
                    reading(
                            neighbour,
                            Instant.parse("2026-05-05T00:00:00Z")
                                    .plusSeconds(60L * i)
                                    .toString(),
                            "" + i));
            assertThat(more.statusCode())
                    .as("gateway post %d: %s", i, more.body())
                    .isEqualTo(202);
        }

        // Over 1 MiB: 413, unread.
        assertThat(post(basic, "{\"readings\":[\"" + "x".repeat(1_100_000) + "\"]}")
                        .statusCode())
                .isEqualTo(413);

        // A burst from one meter: beyond 10 a second, 429 with Retry-After.
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(http.sendAsync(
                    request(basic, reading(meter, "2026-05-04T10:00:00Z", "60")),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers =
                burst.stream().map(CompletableFuture::join).toList();
        assertThat(answers).anySatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
        });
        assertThat(answers.stream().filter(a -> a.statusCode() == 202).count()).isBetween(1L, 30L);

        await().atMost(ARRIVAL).untilAsserted(() -> {
            assertThat(hours(meter, "2026-05-04"))
                    .containsEntry("08", "4.000000/3") // 08:40 to 10:00 spread: 2 kWh here, 6 in 09
                    .containsEntry("09", "6.000000/0")
                    .containsEntry("10", "0.000000/1");
            assertThat(readings(neighbour, "2026-05-04")).isEqualTo(1);
        });
        assertThat(metric("ems_reading_messages_received_total", "protocol=\"http\""))
                .isGreaterThanOrEqualTo(4);
    }

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        return http.send(request(authorization, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.url("api/readings"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String reading(UUID device, String instant, String kwh) {
        return "{\"deviceId\":\"" + device + "\",\"timestamp\":\"" + instant + "\",\"kwh\":" + kwh + "}";
    }

    private Mqtt5BlockingClient mqtt5(String user, String password) {
        Mqtt5BlockingClient client = Mqtt5Client.builder()
                .identifier("meter-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(ems.mqttPort)
                .buildBlocking();
        client.connectWith()
                .simpleAuth()
                .username(user)
                .password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send();
        return client;
    }

    /** A QoS 1 publication; returns once the broker acknowledged it, throws when it refused it. */
    private static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private UUID device(String name) throws Exception {
        return UUID.fromString(ApiClient.json(api.call(
                        "POST",
                        "api/devices",
                        admin,
                        "{\"name\":\"" + name + "\",\"maxHourlyKwh\":100," + "\"timeZone\":\"UTC\"}"))
                .getString("id"));
    }

    private String credential(UUID device) throws Exception {
        return ApiClient.json(api.call("POST", "api/devices/" + device + "/credentials", admin, null))
                .getString("password");
    }

    /** The day's hours that have readings: hour of day -> "kwh/readings". */
    private java.util.Map<String, String> hours(UUID device, String date) throws Exception {
        java.util.Map<String, String> hours = new java.util.TreeMap<>();
        for (JsonObject hour : ApiClient.json(
                        api.call("GET", "api/devices/" + device + "/consumption?date=" + date, admin, null))
                .getJsonArray("hours")
                .getValuesAs(JsonObject.class)) {
            if (hour.getInt("readings") > 0 || hour.getJsonNumber("kwh").doubleValue() > 0) {
                hours.put(
                        hour.getString("start").substring(11, 13),
                        hour.getJsonNumber("kwh").bigDecimalValue().setScale(6) + "/" + hour.getInt("readings"));
            }
        }
        return hours;
    }

    private int readings(UUID device, String date) throws Exception {
        return api.readings(admin, device, date);
    }

    private double metric(String name, String label) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(api.url("metrics"))
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private JMSContext appContext() throws Exception {
        return new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + ems.brokerPort, "ems-app", ems.secret("broker.app.password"))
                .createContext();
    }
}
