package org.ems.simulator.faults;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.ems.contracts.messaging.Destinations;
import org.ems.simulator.client.BrokerManagement;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.EmsProcesses;
import org.ems.simulator.client.LaunchedEms;

/**
 * The EMS a fault run breaks: started from the distribution on a home of its own, its processes, its API as the
 * administrator, and its broker as the application's account sees it (the readings waiting, the dead letters).
 */
final class EmsUnderTest implements AutoCloseable {

    final Path home;
    final int instances;
    final String adminPassword = "faults-" + UUID.randomUUID();
    private final Path dist;
    private final LaunchedEms.Ports ports;
    private final Map<String, String> env;
    private LaunchedEms launcher;
    private EmsClient api;
    private String token;
    private Instant signedInAt;
    /** The application's broker account's password: for the broker's counts and the dead-letter queue. */
    private String appPassword;

    EmsUnderTest(Path dist, Path home, int instances, int duplicateIds) {
        this.dist = dist;
        this.home = home;
        this.instances = instances;
        this.ports = LaunchedEms.Ports.free();
        this.env = Map.of(
                "EMS_INSTANCES", Integer.toString(instances),
                "EMS_ADMIN_PASSWORD", adminPassword,
                "EMS_BROKER_DUPLICATE_IDS", Integer.toString(duplicateIds));
    }

    /** Starts EMS (again, after its launcher was killed: same home, same ports) and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        launcher = LaunchedEms.start(dist, home, ports, env, Optional.of(home.resolve("faults-console.log")));
        launcher.awaitLine(0, "EMS ready at " + lastInstance(), Duration.ofMinutes(4));
        if (api == null) {
            api = new EmsClient(ports.url(0));
            appPassword = generated(EmsHome.appPassword(home), "broker.app.password");
        }
    }

    EmsClient api() {
        return api;
    }

    /** Where {@link #awaitConsole} can start looking for what comes next. */
    int consoleLines() {
        return launcher.lines();
    }

    void awaitConsole(int from, String text) throws InterruptedException {
        launcher.awaitLine(from, text, Duration.ofMinutes(4));
    }

    /** The URL of the last instance, whose readiness the launcher announces last. */
    String lastInstance() {
        return ports.url(instances - 1).toString();
    }

    /** As meters see the broker: one, or the primary/backup pair with failover. */
    String brokerUrl() {
        return ports.brokerUrl(instances);
    }

    String meterPassword() throws IOException {
        return generated(EmsHome.meterPassword(home), "broker.meter.password");
    }

    /** The administrator's API token, signing in again before it expires (tokens last 15 minutes). */
    synchronized String token() throws IOException, InterruptedException {
        if (token == null || signedInAt.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            token = api.login("admin", adminPassword);
            signedInAt = Instant.now();
        }
        return token;
    }

    /** SIGKILL to the launcher alone: its services must end by themselves. */
    void killLauncher() {
        launcher.process().destroyForcibly();
    }

    boolean ready() throws InterruptedException {
        try {
            return api.send(HttpRequest.newBuilder(api.ems.resolve("health/ready"))
                                    .timeout(Duration.ofSeconds(5)))
                            .statusCode()
                    == 200;
        } catch (IOException down) {
            return false;
        }
    }

    void awaitReady() {
        Awaitility.await("/health/ready says UP")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(this::ready);
    }

    /** Waits until EMS has applied every message in {@code ems.readings} (redeliveries waiting their turn too). */
    void awaitDrained() {
        Awaitility.await("ems.readings drained")
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> waiting() == 0);
    }

    /**
     * Messages in {@code ems.readings}, delivered but not acknowledged and waiting redelivery included, as the broker
     * counts them (-1: it does not answer).
     */
    long waiting() {
        return BrokerManagement.queueAttribute(
                brokerUrl(), EmsHome.APP_USER, appPassword, Destinations.READINGS, "messageCount");
    }

    /** The bodies in {@code ems.readings.dlq}, browsed with the application's account. */
    List<String> deadLetters() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (var factory = new ActiveMQConnectionFactory(brokerUrl(), EmsHome.APP_USER, appPassword);
                JMSContext jms = factory.createContext();
                QueueBrowser browser = jms.createBrowser(jms.createQueue(Destinations.READINGS_DLQ))) {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                bodies.add(((TextMessage) (Message) e.nextElement()).getText());
            }
        }
        return bodies;
    }

    /** The processes of each service (launcher, broker, Payara Micro, PostgreSQL). */
    Map<String, List<ProcessHandle>> processes() {
        return EmsProcesses.of(home);
    }

    /** SIGKILL to the process whose pid is in {@code pidFile} (relative to the home). */
    void kill(String pidFile) {
        EmsProcesses.pid(home.resolve(pidFile))
                .orElseThrow(() -> new IllegalStateException("nothing runs with the pid in " + pidFile))
                .destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (launcher != null && launcher.process().isAlive()) {
            try {
                launcher.stop(Duration.ofMinutes(2));
            } catch (IllegalStateException killedInstead) {
                // stopped the hard way: the run's outcome is what counts
            }
        }
    }

    /** A broker password EMS generated into its home on the first start. */
    private String generated(String password, String name) throws IOException {
        if (password == null) {
            throw new IOException("no " + name + " in " + home);
        }
        return password;
    }
}
