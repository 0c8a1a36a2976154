package org.ems.simulator.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * EMS as {@code ./ems run} starts it (the same launcher of a built distribution) on a home and ports of the caller's
 * choosing, its console collected line by line. The one way the system tests, the benchmarks and the fault run start
 * EMS.
 */
public final class LaunchedEms {

    /** The ports EMS listens on (the data grid's from {@code cluster} on). */
    public record Ports(int http, int db, int broker, int mqtt, int cluster) {

        /** Ports free now. */
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }

        public URI url(int instance) {
            return URI.create("http://127.0.0.1:" + (http + instance) + "/");
        }

        /** The broker as meters see it: one, or with several instances the primary/backup pair with failover. */
        public String brokerUrl(int instances) {
            return instances == 1
                    ? "tcp://127.0.0.1:" + broker
                    : "(tcp://127.0.0.1:" + broker + ",tcp://127.0.0.1:" + (broker + 1)
                            + ")?ha=true&reconnectAttempts=-1";
        }
    }

    private final Process process;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private LaunchedEms(Process process, Optional<Path> log) throws IOException {
        this.process = process;
        PrintWriter copy = log.isEmpty()
                ? null
                : new PrintWriter(
                        Files.newBufferedWriter(log.get(), StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        this.reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            console.add(line);
                            if (copy != null) {
                                copy.println(line);
                            }
                        }
                    } catch (IOException gone) {
                        // the launcher ended
                    } finally {
                        if (copy != null) {
                            copy.close();
                        }
                    }
                },
                "ems-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts EMS as its users do ({@code bin/ems run} of {@code dist}, so with the launcher's own JVM options, on the
     * Java running this) on {@code home} and {@code ports}; {@code env} is added to (and overrides) the EMS_*
     * variables; the console is also appended to {@code log} when given.
     */
    public static LaunchedEms start(Path dist, Path home, Ports ports, Map<String, String> env, Optional<Path> log)
            throws IOException {
        // bin/ems replaces itself with the launcher's JVM (exec): the process is the launcher's, as after ./ems run
        ProcessBuilder builder = new ProcessBuilder(
                "bash", dist.toAbsolutePath().resolve("bin").resolve("ems").toString(), "run");
        Map<String, String> variables = builder.environment();
        variables.remove("EMS_ADMIN_PASSWORD");
        variables.put("JAVA_HOME", System.getProperty("java.home"));
        variables.putAll(Map.of(
                "EMS_HOME", home.toString(),
                "EMS_HTTP_PORT", Integer.toString(ports.http()),
                "EMS_DB_PORT", Integer.toString(ports.db()),
                "EMS_BROKER_PORT", Integer.toString(ports.broker()),
                "EMS_MQTT_PORT", Integer.toString(ports.mqtt()),
                "EMS_CLUSTER_PORT", Integer.toString(ports.cluster())));
        variables.putAll(env);
        builder.redirectErrorStream(true);
        return new LaunchedEms(builder.start(), log);
    }

    /** How many console lines EMS wrote so far: where {@link #awaitLine} can start looking. */
    public int lines() {
        return console.size();
    }

    public List<String> console() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    /** The first console line from the {@code from}-th on that contains {@code text}; fails if EMS exits first. */
    public String awaitLine(int from, String text, Duration timeout) throws InterruptedException {
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> line(from, text).isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "EMS did not say '" + text + "' within " + timeout + "; console:\n" + String.join("\n", console()));
        }
        if (!process.isAlive()) {
            reader.join(5_000); // an ended launcher's last lines
        }
        return line(from, text)
                .orElseThrow(() -> new IllegalStateException("EMS exited (" + process.exitValue() + ") without '" + text
                        + "'; console:\n" + String.join("\n", console())));
    }

    private Optional<String> line(int from, String text) {
        synchronized (console) {
            return console.subList(Math.min(from, console.size()), console.size()).stream()
                    .filter(line -> line.contains(text))
                    .findFirst();
        }
    }

    public Process process() {
        return process;
    }

    /** SIGKILL to the launcher alone, as a power cut of its JVM (its children are left as they are). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(5_000);
    }

    /** SIGTERM, as a service manager or Ctrl-C would; waits up to {@code timeout} for the exit and returns its status. */
    public int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would also close the output still being read
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("EMS did not stop within " + timeout + " after SIGTERM");
        }
        reader.join(5_000); // the last lines
        return process.exitValue();
    }

    /**
     * A loopback port free now, and the one after it (a second instance, the backup broker), chosen at random below
     * the system's ephemeral ports (32768 on). There no outgoing connection takes it meanwhile: a port the system had
     * handed out could be a client's local port by the time a part binds it, seconds later (ClusterIT's second
     * instance once failed so, beside another suite's traffic).
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (bindable(port) && bindable(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair between 20000 and 32000 on 127.0.0.1");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
