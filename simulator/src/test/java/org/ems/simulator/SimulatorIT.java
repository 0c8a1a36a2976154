package org.ems.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.runtime.BrokerEndpoint;
import org.ems.runtime.EmbeddedBroker;
import org.ems.runtime.InstallationHome;
import org.ems.simulator.meter.FaultPlan;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.MeterStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against a real Artemis broker configured as EMS's: the exact messages, and store and forward. */
class SimulatorIT {

    private static final UUID A = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
    private static final UUID B = UUID.fromString("0b7a9a3e-1c2d-4e5f-8a9b-123456789abc");
    private static final String START = "2026-03-29T00:00:00Z";

    @TempDir
    Path tmp;

    private InstallationHome home;
    private BrokerEndpoint endpoint;
    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        home = InstallationHome.open(tmp.resolve("home"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        endpoint =
                new BrokerEndpoint("127.0.0.1", port, List.of(), "ems-app", "app-secret-1", "meter", "meter-secret-1");
        broker = EmbeddedBroker.start(home, "127.0.0.1", endpoint, OptionalInt.empty());
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
        home.close();
    }

    private int simulate(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--broker",
                endpoint.url(),
                "--user",
                "meter",
                "--password",
                "meter-secret-1",
                "--state",
                tmp.resolve("state").toString(),
                "--start",
                START));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        var cli = Simulate.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(err.toString()).as("errors").isEmpty();
        return exit;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private List<Message> drain() {
        List<Message> messages = new ArrayList<>();
        try (JMSContext app = new ActiveMQConnectionFactory(endpoint.url(), "ems-app", "app-secret-1").createContext();
                var consumer = app.createConsumer(app.createQueue(Destinations.READINGS))) {
            for (Message m; (m = consumer.receive(1_000)) != null; ) {
                messages.add(m);
            }
        }
        return messages;
    }

    private static List<MeterReading> expected(UUID device, int count) throws Exception {
        MeterStream meter = new MeterStream(
                device, LoadProfile.bundled(), Instant.parse(START), Duration.ofMinutes(10), FaultPlan.NONE);
        List<MeterReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(meter.reading(i));
        }
        return readings;
    }

    @Test
    void sendsExactlyTheReadingsOfEachMeterWithGroupAndDuplicateIds() throws Exception {
        Path ledger = tmp.resolve("ledger.csv");
        assertThat(simulate(
                        "--device",
                        A.toString(),
                        "--device",
                        B.toString(),
                        "--count",
                        "5",
                        "--speed",
                        "60000",
                        "--ledger",
                        ledger.toString()))
                .isZero();

        List<Message> messages = drain();
        assertThat(messages).hasSize(10);
        List<String> bodies = new ArrayList<>();
        for (Message m : messages) {
            bodies.add(m.getBody(String.class));
            MeterReading r =
                    MeterReadingCodec.decode(m.getBody(String.class)).readings().get(0);
            assertThat(m.getStringProperty("JMSXGroupID"))
                    .isEqualTo(r.deviceId().toString());
            assertThat(m.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(r.deviceId() + "/" + r.timestamp());
        }
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            want.add(MeterReadingCodec.encode(expected(A, 5).get(i)));
            want.add(MeterReadingCodec.encode(expected(B, 5).get(i)));
        }
        assertThat(bodies).containsExactlyElementsOf(want);
        assertThat(Files.readAllLines(ledger))
                .hasSize(10)
                .first()
                .isEqualTo(A + ",2026-03-29T00:00:00Z,"
                        + expected(A, 1).get(0).kwh().toPlainString());
    }

    @Test
    void overMqttEachMeterPublishesToItsOwnTopicWhichTheBrokerDivertsIntoTheReadingsQueue() throws Exception {
        broker.close();
        int mqtt;
        try (ServerSocket s = new ServerSocket(0)) {
            mqtt = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(home, "127.0.0.1", endpoint, OptionalInt.of(mqtt));
        assertThat(simulate(
                        "--protocol",
                        "mqtt",
                        "--mqtt",
                        "tcp://127.0.0.1:" + mqtt,
                        "--device",
                        A.toString(),
                        "--device",
                        B.toString(),
                        "--count",
                        "3",
                        "--speed",
                        "60000"))
                .isZero();
        List<MeterReading> received = new ArrayList<>();
        for (Message m : drain()) {
            // MQTT payloads reach JMS as bytes; the device's topic stays in the original address.
            String body = new String(m.getBody(byte[].class), java.nio.charset.StandardCharsets.UTF_8);
            MeterReading r = MeterReadingCodec.decode(body).readings().get(0);
            assertThat(m.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo("ems.readings." + r.deviceId());
            received.add(r);
        }
        List<MeterReading> want = new ArrayList<>(expected(A, 3));
        want.addAll(expected(B, 3));
        assertThat(received).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void batchesAndTheClassicFormatAreWhatEmsAccepts() throws Exception {
        assertThat(simulate("--device", A.toString(), "--count", "6", "--speed", "60000", "--batch", "3"))
                .isZero();
        List<Message> batches = drain();
        assertThat(batches).isNotEmpty();
        List<MeterReading> received = new ArrayList<>();
        for (Message m : batches) {
            received.addAll(MeterReadingCodec.decode(m.getBody(String.class)).readings());
        }
        assertThat(received).containsExactlyElementsOf(expected(A, 6));

        assertThat(simulate(
                        "--device", B.toString(), "--count", "2", "--speed", "60000", "--format", "classic", "--fresh"))
                .isZero();
        List<Message> classic = drain();
        assertThat(classic.get(0).getBody(String.class)).startsWith("{\"device_id\":\"" + B + "\",\"timestamp\":");
    }

    @Test
    void aStoppedSimulatorResumesWithoutLosingOrRepeatingAReading() throws Exception {
        assertThat(simulate("--device", A.toString(), "--count", "4", "--speed", "60000"))
                .isZero();
        assertThat(simulate("--device", A.toString(), "--count", "9", "--speed", "60000"))
                .isZero();
        List<MeterReading> received = new ArrayList<>();
        for (Message m : drain()) {
            received.addAll(MeterReadingCodec.decode(m.getBody(String.class)).readings());
        }
        assertThat(received).containsExactlyElementsOf(expected(A, 9));
    }

    @Test
    void readingsAreBufferedWhileTheBrokerIsAwayAndSentInOrderWhenItIsBack() throws Exception {
        Path ledger = tmp.resolve("ledger.csv");
        Path outbox = tmp.resolve("state").resolve("outbox.log");
        // 40 readings at 20 per second: the broker goes away once some are acknowledged (the ledger), and comes back
        // once ten more are buffered (the outbox) while it is away.
        var run = CompletableFuture.supplyAsync(() ->
                simulate("--device", A.toString(), "--count", "40", "--speed", "12000", "--ledger", ledger.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(ledger) >= 5);
        broker.close();
        broker = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(outbox) >= 10); // the unacknowledged ones
        broker = EmbeddedBroker.start(home, "127.0.0.1", endpoint, OptionalInt.empty());
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();

        List<MeterReading> received = new ArrayList<>();
        for (Message m : drain()) {
            received.addAll(MeterReadingCodec.decode(m.getBody(String.class)).readings());
        }
        assertThat(received).as("all, once, in order").containsExactlyElementsOf(expected(A, 40));
        assertThat(Files.readAllLines(ledger)).hasSize(40);
    }

    @Test
    void loadModeKeepsToItsTargetRateAcrossManyMeters() throws Exception {
        assertThat(simulate("--load", "50", "--rate", "200", "--duration", "2s", "--threads", "2"))
                .isZero();
        List<Message> messages = drain();
        // 200 readings/s for 2 s: never (much) more than the target, and the meters all take part
        assertThat(messages.size()).isBetween(150, 420);
        long meters = messages.stream()
                .map(m -> {
                    try {
                        return m.getStringProperty("JMSXGroupID");
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct()
                .count();
        assertThat(meters).isEqualTo(50);
    }

    @Test
    void readingsGoOutAtTheWallClockPaceOfTheSpeed() throws Exception {
        // 10 minutes of meter time at speed 6000: one reading every 100 ms of wall time
        long started = System.currentTimeMillis();
        assertThat(simulate("--device", A.toString(), "--count", "8", "--speed", "6000"))
                .isZero();
        List<Message> messages = drain();
        assertThat(messages).hasSize(8);
        // The eighth reading is taken 700 ms after the start, never sooner; the first may leave late (the sender
        // connects meanwhile), so the first-to-last span alone can be shorter than 700 ms on a busy machine.
        assertThat(messages.get(7).getJMSTimestamp() - started)
                .as("the last of 7 intervals of 100 ms after the start")
                .isGreaterThanOrEqualTo(700L);
        long span = messages.get(7).getJMSTimestamp() - messages.get(0).getJMSTimestamp();
        assertThat(span).as("7 intervals of 100 ms, not much slower").isLessThanOrEqualTo(2_000L);
    }
}
