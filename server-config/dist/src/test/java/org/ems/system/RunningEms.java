package org.ems.system;

import jakarta.jms.JMSContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.LaunchedEms;

/**
 * EMS as {@code ./ems run} starts it (same launcher, same distribution), on free ports with its own EMS_HOME; its
 * console output is collected.
 */
final class RunningEms implements AutoCloseable {

    final Path home;
    final int httpPort;
    final int dbPort;
    final int brokerPort;
    final int mqttPort;
    private final LaunchedEms.Ports ports;
    private final LaunchedEms launched;
    /** A home of its own ({@link #ready}): emptied but for its logs when this EMS is closed. */
    private boolean ownHome;

    private RunningEms(Path home, LaunchedEms.Ports ports, LaunchedEms launched) {
        this.home = home;
        this.httpPort = ports.http();
        this.dbPort = ports.db();
        this.brokerPort = ports.broker();
        this.mqttPort = ports.mqtt();
        this.ports = ports;
        this.launched = launched;
    }

    /** A new EMS on a fresh home under {@code target/} and free ports, once it says it is ready. */
    static RunningEms ready(String name, Map<String, String> env) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "ems-" + name + "-")
                .toAbsolutePath();
        RunningEms ems = start(home, freePort(), freePort(), freePort(), env);
        ems.ownHome = true;
        try {
            ems.awaitLine("EMS ready at", 240);
        } catch (RuntimeException | Error e) {
            ems.close();
            throw e;
        }
        return ems;
    }

    static RunningEms start(Path home, int httpPort, int dbPort, int brokerPort) throws IOException {
        return start(home, httpPort, dbPort, brokerPort, Map.of());
    }

    static RunningEms start(Path home, int httpPort, int dbPort, int brokerPort, Map<String, String> env)
            throws IOException {
        return start(home, new LaunchedEms.Ports(httpPort, dbPort, brokerPort, freePort(), freePort()), env);
    }

    private static RunningEms start(Path home, LaunchedEms.Ports ports, Map<String, String> env) throws IOException {
        return new RunningEms(home, ports, LaunchedEms.start(distribution(), home, ports, env, Optional.empty()));
    }

    static Path distribution() {
        return Path.of(System.getProperty("ems.dist", "target/ems"));
    }

    static int freePort() {
        return LaunchedEms.freePort();
    }

    /** Waits for a console line containing {@code text}; fails if EMS exits first. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        return awaitLine(0, text, seconds);
    }

    /** How many console lines EMS wrote so far: where {@link #awaitLine(int, String, long)} can start looking. */
    int lines() {
        return launched.lines();
    }

    /** Waits for a console line containing {@code text} from the {@code from}-th line on; fails if EMS exits first. */
    String awaitLine(int from, String text, long seconds) throws InterruptedException {
        return launched.awaitLine(from, text, Duration.ofSeconds(seconds));
    }

    List<String> output() {
        return launched.console();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    /**
     * Signs in through the login page as a browser does: fetches the form (its session and token), then posts it.
     *
     * @return the answer to the post: a redirect, with the signed-in session's cookie on success
     */
    HttpResponse<String> signInThroughForm(HttpClient http, String username, String password)
            throws IOException, InterruptedException {
        return signInThroughForm(http, url(""), username, password);
    }

    /** The same on the instance at {@code base} (several instances of one EMS: ClusterIT). */
    static HttpResponse<String> signInThroughForm(HttpClient http, URI base, String username, String password)
            throws IOException, InterruptedException {
        return signInThroughForm(http, base, null, username, password);
    }

    /** The same in the session whose {@code Cookie} header is {@code session}; null for the one the form opens. */
    static HttpResponse<String> signInThroughForm(
            HttpClient http, URI base, String session, String username, String password)
            throws IOException, InterruptedException {
        return new EmsClient(base, http).signInThroughForm(session, username, password);
    }

    /**
     * Signs out as the page's button does: the sign-out page's form (with the session's token) posted to
     * {@code /logout}.
     */
    HttpResponse<String> signOutThroughForm(HttpClient http, String cookie) throws IOException, InterruptedException {
        return new EmsClient(url(""), http).signOutThroughForm(cookie);
    }

    static String sessionCookie(HttpResponse<?> response) {
        return EmsClient.sessionCookies(response)
                .orElseThrow(() -> new NoSuchElementException(
                        "no session cookie in " + response.headers().map()));
    }

    /** Sends one message to {@code ems.readings} as a meter does, whatever it holds. */
    void sendAsMeter(String body) throws IOException {
        try (JMSContext meter = new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + brokerPort, "meter", secret("broker.meter.password"))
                .createContext()) {
            meter.createProducer().send(meter.createQueue(Destinations.READINGS), body);
        }
    }

    /** Sends each reading as its own message to {@code ems.readings}, as a meter does (account {@code meter}). */
    void sendReadings(MeterReading... readings) throws IOException {
        try (JMSContext meter = new ActiveMQConnectionFactory(
                        "tcp://127.0.0.1:" + brokerPort, "meter", secret("broker.meter.password"))
                .createContext()) {
            for (MeterReading reading : readings) {
                meter.createProducer()
                        .send(meter.createQueue(Destinations.READINGS), MeterReadingCodec.encode(reading));
            }
        }
    }

    static MeterReading reading(UUID device, String instant, String kwh) {
        return new MeterReading(device, Instant.parse(instant), new BigDecimal(kwh));
    }

    String secret(String name) throws IOException {
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(home.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty(name);
    }

    Process process() {
        return launched.process();
    }

    /** SIGKILL to the launcher alone, as a power cut of its JVM (its children are left as they are). */
    void kill() throws InterruptedException {
        launched.kill();
    }

    /** Stops this EMS (SIGTERM) and starts it again on its home and ports with {@code env}; once it is ready. */
    RunningEms restarted(Map<String, String> env) throws Exception {
        if (launched.process().isAlive()) {
            stop();
        }
        RunningEms again = start(home, ports, env);
        again.ownHome = ownHome;
        again.awaitLine("EMS ready at", 240);
        return again;
    }

    /** SIGTERM, as a service manager or Ctrl-C would; waits for a clean exit. */
    int stop() throws InterruptedException {
        return launched.stop(Duration.ofSeconds(90));
    }

    @Override
    public void close() throws InterruptedException {
        if (launched.process().isAlive()) {
            stop();
        }
        if (ownHome) {
            // A home holds PostgreSQL's binaries and data and the broker's journal (~260 MB): test runs filled the
            // disk, and above 90% use the broker blocks producers. The logs stay, for a failure's story.
            try (Stream<Path> entries = Files.list(home)) {
                for (Path entry : entries.filter(
                                e -> !e.getFileName().toString().equals("logs"))
                        .toList()) {
                    EmsHome.deleteTree(entry);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
