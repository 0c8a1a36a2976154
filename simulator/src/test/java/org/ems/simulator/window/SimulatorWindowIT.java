package org.ems.simulator.window;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.runtime.BrokerEndpoint;
import org.ems.runtime.EmbeddedBroker;
import org.ems.runtime.InstallationHome;
import org.ems.simulator.meter.Outgoing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop window in a real X server (Xvfb, which .ci/run installs): it starts the meters, talks to a real broker,
 * and a screenshot of it (Robot, from the framebuffer) shows the window drawn with its table and chart.
 */
class SimulatorWindowIT {

    @TempDir
    Path tmp;

    @Test
    void runsMetersAndDrawsTheirProgress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BrokerEndpoint endpoint =
                new BrokerEndpoint("127.0.0.1", port, List.of(), "ems-app", "app-secret-1", "meter", "meter-secret-1");
        try (XvfbDisplay screen = XvfbDisplay.start();
                InstallationHome home = InstallationHome.open(tmp.resolve("home"));
                EmbeddedBroker broker = EmbeddedBroker.start(home, "127.0.0.1", endpoint, OptionalInt.empty())) {
            Files.createDirectories(Path.of("target", "screenshots"));
            File png = Path.of("target", "screenshots", "simulator-window.png").toFile();
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            ProcessBuilder window = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    WindowCommand.class.getName(),
                    "--device",
                    a.toString(),
                    "--device",
                    b.toString(),
                    "--broker",
                    endpoint.url(),
                    "--user",
                    "meter",
                    "--password",
                    "meter-secret-1",
                    "--speed",
                    "6000",
                    "--start",
                    "2026-03-29T00:00:00Z",
                    "--faults",
                    "poison=0.2",
                    "--seed",
                    "5",
                    "--batch",
                    "4",
                    "--state",
                    tmp.resolve("state").toString(),
                    "--autostart",
                    "--screenshot",
                    png.toString(),
                    "--after",
                    "6");
            screen.on(window)
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("window.log").toFile());
            Process p = window.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as(Files.readString(tmp.resolve("window.log")))
                    .isZero();

            BufferedImage shot = ImageIO.read(png);
            assertThat(shot.getWidth()).isGreaterThanOrEqualTo(900);
            assertThat(shot.getHeight()).isGreaterThanOrEqualTo(600);
            // Every pixel: a line of the chart is a pixel or two wide, and a grid of samples can miss it.
            Set<Integer> colours = new HashSet<>();
            for (int x = 0; x < shot.getWidth(); x++) {
                for (int y = 0; y < shot.getHeight(); y++) {
                    colours.add(shot.getRGB(x, y));
                }
            }
            assertThat(colours).as("a drawn window, not a blank one").hasSizeGreaterThan(20);
            // The chart draws each meter in its own colour: blue and orange lines are on screen.
            assertThat(colours).anyMatch(c -> (c & 0xffffff) == 0x1f77b4);
            assertThat(colours).anyMatch(c -> (c & 0xffffff) == 0xff7f0e);
            List<String> status = Files.readAllLines(Path.of(png + ".txt"));
            assertThat(status.get(0)).isEqualTo("Broker: connected");

            try (JMSContext app =
                            new ActiveMQConnectionFactory(endpoint.url(), "ems-app", "app-secret-1").createContext();
                    var consumer = app.createConsumer(app.createQueue(Destinations.READINGS))) {
                Set<String> groups = new HashSet<>();
                List<String> bodies = new java.util.ArrayList<>();
                for (var m = consumer.receive(2_000); m != null; m = consumer.receive(500)) {
                    groups.add(m.getStringProperty("JMSXGroupID"));
                    bodies.add(m.getBody(String.class));
                }
                assertThat(groups).containsExactlyInAnyOrder(a.toString(), b.toString());
                // Four readings a message; each poison message alone, as in the ledger the window keeps.
                assertThat(bodies).anyMatch(body -> body.contains("\"readings\""));
                List<String> poison = bodies.stream()
                        .filter(body -> body.contains("\"poison\""))
                        .toList();
                assertThat(poison).isNotEmpty().allMatch(body -> !body.contains("\"readings\""));
                // What the ledger holds the broker has (the window may exit with a message in flight, not after).
                assertThat(Files.readAllLines(tmp.resolve("state").resolve("ledger.csv")))
                        .filteredOn(line -> line.endsWith(",dead-letter"))
                        .isNotEmpty()
                        .allSatisfy(line -> assertThat(poison)
                                .contains(Outgoing.poisonBody(
                                        UUID.fromString(line.split(",")[0]), Instant.parse(line.split(",")[1]))));
            }
        }
    }
}
