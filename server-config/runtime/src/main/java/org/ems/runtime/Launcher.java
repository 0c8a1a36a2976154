package org.ems.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * {@code ./ems run}: starts embedded PostgreSQL and Artemis (unless external ones are configured), migrates the schemas,
 * runs EMS on Payara Micro, prints {@code EMS ready at <url>}, and stops everything on Ctrl-C / SIGTERM.
 * {@code ./ems migrate}: only brings the database schemas up to date (for EAR deployments).
 */
public final class Launcher {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** Restarts of Payara Micro allowed within 10 minutes before the launcher gives up. */
    static final int MAX_RESTARTS = 5;

    private Launcher() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        try (var logging = Launcher.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
            EmsSettings settings = EmsSettings.fromEnvironment(System.getenv(), Path.of(""));
            Path distribution = Path.of(System.getProperty("ems.dist", "server-config/dist/target/ems"));
            switch (command) {
                case "run" -> run(settings, distribution);
                case "migrate" -> migrate(settings);
                default -> fail("unknown command '" + command + "' (expected run or migrate)");
            }
        } catch (InstallationHome.AlreadyRunningException | IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static void migrate(EmsSettings settings) throws Exception {
        try (InstallationHome home = InstallationHome.open(settings.home());
                Infrastructure infrastructure =
                        Infrastructure.start(settings, home, Launcher.class.getClassLoader(), false)) {
            System.out.println(
                    "Schemas up to date in " + infrastructure.database().url());
        }
    }

    private static void run(EmsSettings settings, Path distribution) throws Exception {
        Path microJar = distribution.resolve("payara-micro.jar");
        if (!Files.isRegularFile(microJar)) {
            throw new IOException(
                    "no EMS distribution at " + distribution.toAbsolutePath() + " (build it with ./mvnw install)");
        }
        InstallationHome home = InstallationHome.open(settings.home());
        Leftovers.end(home);
        requireFreePort(settings.bindAddress(), settings.webPort(), settings.webPortSetting());
        if (settings.dbUrl().isEmpty()) {
            requireFreePort(settings.bindAddress(), settings.dbPort(), "EMS_DB_PORT");
        }
        if (settings.brokerUrl().isEmpty()) {
            requireFreePort(settings.bindAddress(), settings.brokerPort(), "EMS_BROKER_PORT");
        }
        Infrastructure infrastructure = Infrastructure.start(settings, home, Launcher.class.getClassLoader());
        Properties firstStart = new Properties();
        Optional<String> newAdminPassword = Optional.empty();
        if (!adminExists(infrastructure.database())) {
            String password = settings.adminPassword().orElseGet(InstallationHome::randomPassword);
            firstStart.setProperty("ems.admin.initial-password", password);
            newAdminPassword = settings.adminPassword().isPresent() ? Optional.empty() : Optional.of(password);
        }
        Path runDirectory = home.directory("run");
        Path resourceAdapter = distribution.resolve("deploy/ems-ra.rar");
        JwtKeys jwt = JwtKeys.ensure(home, System.getenv());
        MicroConfiguration config = MicroConfiguration.write(
                runDirectory,
                settings,
                infrastructure.database(),
                infrastructure.broker(),
                jwt,
                infrastructure.tls(),
                resourceAdapter,
                firstStart);
        List<String> microOptions =
                new ArrayList<>(config.options(settings.webPort(), List.of(postgresDriver(distribution))));
        microOptions.addAll(
                List.of("--deploy", distribution.resolve("deploy/ROOT.war").toString()));
        // After EMS: ./ems bench ingest deploys its no-work MDB so (bench/no-work-mdb.war).
        settings.alsoDeploy().forEach(archive -> microOptions.addAll(List.of("--deploy", archive.toString())));
        java.util.concurrent.Callable<PayaraMicroProcess> startMicro = () -> {
            PayaraMicroProcess started = PayaraMicroProcess.start(
                    home,
                    settings.bindAddress(),
                    settings.webPort(),
                    infrastructure.tls(),
                    microJar,
                    List.of(
                            "-Xms128m",
                            "-Xmx512m",
                            "-XX:+UseG1GC",
                            "-XX:MaxMetaspaceSize=256m",
                            // Named, the JSON-P provider is not searched for on the class path at every use (Faces
                            // push, JAX-RS): that search was a quarter of Payara's CPU while readings were pushed.
                            "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                            // Delivery threads for the readings consumer's 64 sessions and the topics' (default:
                            // 8 per core, which stalls sessions beyond it).
                            "-Dactivemq.artemis.client.global.thread.pool.max.size=128"),
                    microOptions);
            Leftovers.started(home, started.process());
            return started;
        };
        AtomicReference<PayaraMicroProcess> running = new AtomicReference<>(startMicro.call());
        PayaraMicroProcess micro = running.get();

        Thread stopper = new Thread(() -> stop(running.get(), infrastructure, home), "ems-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            micro.awaitReady(Duration.ofMinutes(3));
        } catch (IOException e) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            stop(micro, infrastructure, home);
            throw e;
        }
        // The application has read the initial password: do not leave it on disk.
        MicroConfiguration.write(
                runDirectory,
                settings,
                infrastructure.database(),
                infrastructure.broker(),
                jwt,
                infrastructure.tls(),
                resourceAdapter,
                new Properties());
        announceToMeters(runDirectory, infrastructure.broker(), micro);
        System.out.println("EMS ready at " + micro.baseUrl());
        if (newAdminPassword.isPresent()) {
            System.out.println(
                    adminExists(infrastructure.database())
                            ? "Created user 'admin' with password " + newAdminPassword.get()
                                    + " (shown once; set EMS_ADMIN_PASSWORD to choose it)"
                            : "ems: the first administrator could not be created; see "
                                    + home.root().resolve("logs/micro.log"));
        }
        System.out.flush();

        supervise(running, startMicro, home);
    }

    /**
     * Keeps Payara Micro running: when it dies (not stopped by us), says so and starts it again after a back-off
     * (1, 2, 4, 8, 16 s); the database and the broker carry on meanwhile, and the MDBs take up the queued readings
     * when it is back. After {@value #MAX_RESTARTS} restarts within 10 minutes it gives up, says why and exits
     * non-zero (the shutdown hook stops the rest cleanly).
     */
    private static void supervise(
            AtomicReference<PayaraMicroProcess> running,
            java.util.concurrent.Callable<PayaraMicroProcess> startMicro,
            InstallationHome home)
            throws Exception {
        Path log = home.root().resolve("logs/micro.log");
        java.util.Deque<java.time.Instant> restarts = new java.util.ArrayDeque<>();
        while (true) {
            int exit = running.get().process().waitFor();
            if (STOPPING.get()) {
                return; // the shutdown hook is stopping everything
            }
            java.time.Instant now = java.time.Instant.now();
            while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(Duration.ofMinutes(10)))) {
                restarts.pollFirst();
            }
            if (restarts.size() >= MAX_RESTARTS) {
                System.err.println("ems: Payara Micro stopped " + (MAX_RESTARTS + 1)
                        + " times within 10 minutes (last exit " + exit + "); giving up, see " + log);
                System.exit(1);
            }
            restarts.addLast(now);
            long backoff = 1L << (restarts.size() - 1);
            System.err.println("ems: Payara Micro stopped unexpectedly (exit " + exit + "); restarting it in "
                    + backoff + " s (restart " + restarts.size() + " of " + MAX_RESTARTS
                    + " allowed in 10 minutes); see "
                    + log);
            Thread.sleep(backoff * 1000);
            if (STOPPING.get()) {
                return;
            }
            PayaraMicroProcess next = startMicro.call();
            running.set(next);
            try {
                next.awaitReady(Duration.ofMinutes(3));
                System.out.println("EMS ready again at " + next.baseUrl());
                System.out.flush();
            } catch (IOException notReady) {
                System.err.println("ems: Payara Micro did not become ready again: " + notReady.getMessage());
                next.close(); // counted as the next stop
            }
        }
    }

    private static void stop(PayaraMicroProcess micro, Infrastructure infrastructure, InstallationHome home) {
        STOPPING.set(true);
        System.out.println("Stopping EMS...");
        try {
            micro.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        infrastructure.close();
        try {
            home.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        System.out.println("EMS stopped");
    }

    /** Where meters on this machine (./ems simulate) find the broker: the URL with its TLS options. */
    private static void announceToMeters(Path runDirectory, BrokerEndpoint broker, PayaraMicroProcess micro)
            throws IOException {
        Properties meters = new Properties();
        meters.setProperty("broker.url", broker.url());
        meters.setProperty("ems.url", micro.baseUrl().toString());
        InstallationHome.writePrivate(runDirectory.resolve("meter.properties"), meters, "EMS endpoints for meters");
    }

    private static boolean adminExists(DatabaseEndpoint database) throws SQLException {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select exists (select 1 from users.app_user where role = 'ADMIN')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static Path postgresDriver(Path distribution) throws IOException {
        try (Stream<Path> libs = Files.list(distribution.resolve("lib"))) {
            return libs.filter(p -> p.getFileName().toString().startsWith("postgresql-"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IOException("PostgreSQL driver missing from " + distribution.resolve("lib")));
        }
    }

    private static void requireFreePort(String address, int port, String setting) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " on " + address + " is in use (" + setting
                    + "): is another EMS or service running? Choose another port with " + setting + ".");
        }
    }

    private static void fail(String message) {
        System.err.println("ems: " + message);
        System.exit(1);
    }
}
