package org.ems.simulator.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.LaunchedEms;
import picocli.CommandLine.Option;

/**
 * The EMS a benchmark drives, started for it from the distribution on a fresh home and free ports (as the fault run
 * and the system tests start theirs: {@link LaunchedEms}), and stopped and removed after it: the options of every
 * benchmark.
 */
public final class BenchTarget implements AutoCloseable {

    @Option(names = "--dist", required = true, description = "the EMS distribution (server-config/dist/target/ems)")
    Path dist;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "instances of EMS (./ems run --instances; default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--work", description = "where the EMS home is made (default: the system's temporary directory)")
    Path work;

    /** Its base URL (the first instance's), once started. */
    URI ems;

    /** As meters see its broker: one, or the primary/backup pair with failover. */
    String broker;

    /** Its home: secrets, processes. */
    Path home;

    /** Its ports. */
    LaunchedEms.Ports ports;

    final String adminPassword = "bench-" + UUID.randomUUID();

    /** Settings of the benchmark's own ({@code EMS_*} variables), given before {@link #start}. */
    final Map<String, String> settings = new java.util.HashMap<>();

    private LaunchedEms launched;

    /**
     * Gives monitoring time to take in the device events of devices just created: their readings would be kept and
     * booked later anyway, but a measurement should not start while they wait. (No metric says when it is done.)
     */
    static void awaitDeviceEvents() throws InterruptedException {
        Thread.sleep(2_000);
    }

    /** Starts EMS and waits until every instance is ready. */
    void start() throws IOException, InterruptedException {
        home = Files.createTempDirectory(
                work == null ? Path.of(System.getProperty("java.io.tmpdir")) : work, "ems-bench-");
        ports = LaunchedEms.Ports.free();
        launched = LaunchedEms.start(dist, home, ports, environment(), Optional.of(home.resolve("bench-run.log")));
        launched.awaitLine(0, "EMS ready at " + ports.url(instances - 1), Duration.ofMinutes(4));
        ems = ports.url(0);
        broker = ports.brokerUrl(instances);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("EMS_INSTANCES", Integer.toString(instances));
        environment.put("EMS_ADMIN_PASSWORD", adminPassword);
        return environment;
    }

    /** A connection to its embedded database, as EMS itself connects (role {@code ems}). */
    java.sql.Connection database() throws IOException, java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ports.db() + "/ems", "ems", EmsHome.databasePassword(home));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (launched != null && launched.process().isAlive()) {
            launched.stop(Duration.ofMinutes(2));
        }
        if (home != null) {
            EmsHome.deleteTree(home);
        }
    }
}
