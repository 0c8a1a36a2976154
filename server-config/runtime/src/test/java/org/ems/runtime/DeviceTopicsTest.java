package org.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.ems.contracts.messaging.Destinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meters' MQTT device topics on the real embedded broker: what it acknowledges is in the readings queue. */
class DeviceTopicsTest {

    private static final int GATEWAYS = 8;
    private static final int DEVICES = 1_000;

    @TempDir
    Path tmp;

    private InstallationHome home;
    private EmbeddedBroker broker;
    private BrokerEndpoint endpoint;
    private int mqttPort;
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        endpoint = new BrokerEndpoint(
                "127.0.0.1", freePort(), List.of(), "ems-app", "app-secret", "ems-gateway", "gateway-secret");
        mqttPort = freePort();
        home = InstallationHome.open(tmp);
        broker = EmbeddedBroker.start(home, "127.0.0.1", endpoint, OptionalInt.of(mqttPort));
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(Mqtt5AsyncClient::disconnect);
        broker.close();
        home.close();
    }

    @Test
    void everyAcknowledgedFirstPublicationToNewDeviceTopicsIsQueued() throws Exception {
        List<Mqtt5AsyncClient> gateways =
                Stream.generate(this::gateway).limit(GATEWAYS).toList();
        List<UUID> devices = Stream.generate(UUID::randomUUID).limit(DEVICES).toList();
        // Every gateway publishes to every device's topic at once: the first publications to a new topic race.
        List<CompletableFuture<Mqtt5PublishResult>> sent = new ArrayList<>();
        for (UUID device : devices) {
            for (Mqtt5AsyncClient gateway : gateways) {
                sent.add(publish(gateway, "ems/readings/" + device));
            }
        }
        for (CompletableFuture<Mqtt5PublishResult> result : sent) {
            assertThat(result.get(2, TimeUnit.MINUTES).getError()).isEmpty();
        }

        Map<String, Integer> queued = drainReadings();
        assertThat(queued.values().stream().mapToInt(Integer::intValue).sum())
                .as("readings queued of %d acknowledged", sent.size())
                .isEqualTo(sent.size());
        assertThat(queued)
                .as("each device's topic kept with its readings")
                .hasSize(DEVICES)
                .allSatisfy((topic, count) -> assertThat(count).isEqualTo(GATEWAYS));
        assertThat(queued.keySet())
                .containsExactlyInAnyOrderElementsOf(devices.stream()
                        .map(d -> Destinations.READINGS + "." + d)
                        .toList());
    }

    @Test
    void theDeadLetterQueueIsNoDeviceTopic() throws Exception {
        Mqtt5AsyncClient gateway = gateway();
        assertThat(publish(gateway, "ems/readings/dlq"))
                .failsWithin(30, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        Mqtt5PubAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
        assertThat(drainReadings()).isEmpty();
    }

    private Mqtt5AsyncClient gateway() {
        Mqtt5AsyncClient client = Mqtt5Client.builder()
                .identifier("gateway-" + UUID.randomUUID())
                .serverHost("127.0.0.1")
                .serverPort(mqttPort)
                .simpleAuth()
                .username(endpoint.meterUser())
                .password(endpoint.meterPassword().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .buildAsync();
        client.connect().join();
        clients.add(client);
        return client;
    }

    private static CompletableFuture<Mqtt5PublishResult> publish(Mqtt5AsyncClient client, String topic) {
        return client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload("{\"timestamp\":\"2026-12-03T10:00:00Z\",\"measurementValue\":0.1}"
                        .getBytes(StandardCharsets.UTF_8))
                .send();
    }

    /** The readings waiting in the queue, counted by the address they were published to. */
    private Map<String, Integer> drainReadings() throws Exception {
        Map<String, Integer> byTopic = new HashMap<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(
                        "tcp://127.0.0.1:" + endpoint.servers().get(0).port());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session =
                        factory.createSession(endpoint.appUser(), endpoint.appPassword(), false, true, true, false, 0);
                ClientConsumer consumer = session.createConsumer(Destinations.READINGS)) {
            session.start();
            ClientMessage message;
            while ((message = consumer.receive(2_000)) != null) {
                message.acknowledge();
                byTopic.merge(message.getStringProperty(Message.HDR_ORIGINAL_ADDRESS), 1, Integer::sum);
            }
        }
        return byTopic;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
