package org.ems.simulator.meter;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ems.contracts.meter.MeterTopics;

/**
 * A meter's MQTT 5 connection to the broker: each message published with QoS 1 (acknowledged once the broker holds it
 * durably) to its device's topic {@code ems/readings/<deviceId>}, or, for a batch of several devices (a gateway's),
 * to {@code ems/readings}. With {@link MeterLink.Acknowledgements}, publications return at once.
 */
public final class MqttLink implements MeterLink {

    private static final long TIMEOUT_SECONDS = 10;

    private final URI url;
    private final String user;
    private final String password;
    private final Acknowledgements acknowledged;
    private Mqtt5AsyncClient client;

    /**
     * @param url {@code tcp://host:port}, or {@code ssl://host:port} (trusting the JVM's trust store)
     * @param acknowledged null: each send waits for its acknowledgements
     */
    public MqttLink(String url, String user, String password, Acknowledgements acknowledged) {
        this.url = URI.create(url);
        this.user = user;
        this.password = password;
        this.acknowledged = acknowledged;
    }

    @Override
    public void send(List<Outgoing> outgoing, Format format, int batch) {
        List<CompletableFuture<Mqtt5PublishResult>> published = new ArrayList<>();
        for (List<Outgoing> part : MeterLink.parts(outgoing, batch)) {
            CompletableFuture<Mqtt5PublishResult> one = publish(topic(part), MeterLink.body(part, format));
            if (acknowledged != null) {
                one.whenComplete((result, failure) -> {
                    if (failure == null && result.getError().isEmpty()) {
                        acknowledged.acknowledged(part.size());
                    } else {
                        acknowledged.failed(new Unreachable(
                                String.valueOf(
                                        failure != null
                                                ? failure
                                                : result.getError().get()),
                                failure));
                    }
                });
            }
            published.add(one);
        }
        if (acknowledged == null) {
            published.forEach(this::await);
        }
    }

    @Override
    public void sendText(String body) {
        await(publish(MeterTopics.GATEWAY_TOPIC, body));
    }

    /** A device's own topic when the message holds that device's readings alone, else the gateways' topic. */
    private static String topic(List<Outgoing> part) {
        UUID device = part.get(0).reading().deviceId();
        return part.stream().allMatch(o -> o.reading().deviceId().equals(device))
                ? MeterTopics.topic(device)
                : MeterTopics.GATEWAY_TOPIC;
    }

    private CompletableFuture<Mqtt5PublishResult> publish(String topic, String body) {
        connect();
        return client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(body.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private void await(CompletableFuture<Mqtt5PublishResult> publication) {
        try {
            Mqtt5PublishResult result = publication.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (result.getError().isPresent()) {
                throw result.getError().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new Unreachable("interrupted", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            close();
            throw new Unreachable("MQTT publication to " + url + " failed: " + e.getMessage(), e);
        } catch (Throwable e) {
            close();
            throw new Unreachable("MQTT publication to " + url + " refused: " + e, e);
        }
    }

    private void connect() {
        if (client != null) {
            return;
        }
        var builder = Mqtt5Client.builder()
                .identifier("ems-simulator-" + UUID.randomUUID())
                .serverHost(url.getHost())
                .serverPort(url.getPort());
        if ("ssl".equals(url.getScheme())) {
            builder = builder.sslConfig(MqttClientSslConfig.builder().build());
        }
        Mqtt5AsyncClient connecting = builder.buildAsync();
        try {
            connecting
                    .connectWith()
                    .simpleAuth()
                    .username(user)
                    .password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth()
                    .send()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unreachable("cannot connect to " + url + ": " + e.getMessage(), e);
        }
        client = connecting;
    }

    @Override
    public boolean connected() {
        return client != null;
    }

    @Override
    public void close() {
        if (client != null) {
            client.disconnect();
            client = null;
        }
    }
}
