package org.ems.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.LogManager;

/**
 * {@code ./ems run}: starts embedded PostgreSQL and Artemis (unless external ones are configured), migrates the schemas,
 * runs EMS on Payara Micro, prints {@code EMS ready at <url>}, keeps each of them running ({@link Supervisor}), and
 * stops everything on Ctrl-C / SIGTERM.
 * {@code ./ems migrate}: only brings the database schemas up to date (for EAR deployments).
 * {@code ./ems status}: {@link Status}. {@code ./ems backup FILE} / {@code ./ems restore FILE}: {@link Backup},
 * {@link Restore}.
 * {@code ./ems version}: this build's version.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        if (command.equals("version")) {
            System.out.println("EMS " + version());
            return;
        }
        try (var logging = Launcher.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
            Map<String, String> environment = new HashMap<>(System.getenv());
            List<String> operands = new java.util.ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (command.equals("run") && args[i].equals("--instances") && i + 1 < args.length) {
                    environment.put("EMS_INSTANCES", args[++i]);
                } else if (!args[i].startsWith("-")) {
                    operands.add(args[i]);
                } else {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            int files = command.equals("backup") || command.equals("restore") ? 1 : 0;
            if (operands.size() != files) {
                throw new IllegalArgumentException(
                        files == 1 ? "ems " + command + " takes one FILE" : "unexpected '" + operands.get(0) + "'");
            }
            EmsSettings settings = EmsSettings.fromEnvironment(environment, Path.of(""));
            Path distribution = Path.of(System.getProperty("ems.dist", "server-config/dist/target/ems"));
            switch (command) {
                case "run" -> run(settings, distribution);
                case "migrate" -> migrate(settings);
                case "backup" -> backup(settings, Path.of(operands.get(0)).toAbsolutePath());
                case "restore" -> restore(settings, Path.of(operands.get(0)).toAbsolutePath());
                case "status" -> status(settings);
                default ->
                    fail("unknown command '" + command
                            + "' (expected run, migrate, status, backup, restore or version)");
            }
        } catch (InstallationHome.AlreadyRunningException | IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** This build's version (the launcher jar's manifest); "development" when run from classes. */
    static String version() {
        return Optional.ofNullable(Launcher.class.getPackage().getImplementationVersion())
                .orElse("development");
    }

    private static void status(EmsSettings settings) {
        List<Status.Part> parts = Status.of(settings);
        parts.forEach(System.out::println);
        System.out.flush();
        if (parts.stream().anyMatch(part -> !part.up())) {
            System.exit(1);
        }
    }

    private static void backup(EmsSettings settings, Path file) throws Exception {
        long start = System.nanoTime();
        Properties manifest = Backup.write(settings, file);
        long rows = manifest.stringPropertyNames().stream()
                .filter(key -> key.startsWith("rows."))
                .mapToLong(key -> Long.parseLong(manifest.getProperty(key)))
                .sum();
        System.out.printf(
                "Backed up %s to %s: %,d rows of %d tables, EMS %s, in %.1f s (%,d bytes)%n",
                settings.home(),
                file,
                rows,
                manifest.getProperty("tables").split(",").length,
                manifest.getProperty("ems.version"),
                (System.nanoTime() - start) / 1e9,
                Files.size(file));
    }

    private static void restore(EmsSettings settings, Path file) throws Exception {
        long start = System.nanoTime();
        Properties manifest = Restore.from(file, settings, Launcher.class.getClassLoader());
        System.out.printf(
                "Restored %s (EMS %s, made %s) into %s in %.1f s; start it with: ems run%n",
                file,
                manifest.getProperty("ems.version"),
                manifest.getProperty("created"),
                settings.home(),
                (System.nanoTime() - start) / 1e9);
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
        Path logs = home.directory("logs");
        settings.logs().install(logs, "launcher");
        SettingSources.offerTemplate(home);
        Leftovers.end(home);
        FreePorts.requireForInstancesAndDatabase(settings);
        Leftovers.guard(home);
        Supervisor services = new Supervisor();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, home), "ems-stop"));
        // PostgreSQL rotates its log files but never deletes one: the launcher does.
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread upkeep = new Thread(task, "ems-log-upkeep");
                    upkeep.setDaemon(true);
                    return upkeep;
                })
                .scheduleAtFixedRate(
                        () -> settings.logs().prune(logs, "postgres-"), 1, 1, java.util.concurrent.TimeUnit.HOURS);

        DatabaseEndpoint database = Infrastructure.database(settings, home);
        Optional<TlsMaterial> tls = TlsMaterial.ensure(settings, home);
        BrokerEndpoint broker = Infrastructure.brokerEndpoint(settings, home, tls);
        FreePorts.requireForBroker(settings, broker);
        CompletableFuture<?> brokerStarted = startBrokers(services, home, settings, broker, tls, database);
        if (settings.dbUrl().isEmpty()) {
            services.start(
                    "PostgreSQL",
                    logs.resolve("postgres-*.log").toString(),
                    () -> EmbeddedDatabase.start(home, settings));
        }
        Infrastructure.migrate(database, Launcher.class.getClassLoader());
        try {
            brokerStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }

        Properties firstStart = new Properties();
        Optional<String> newAdminPassword = Optional.empty();
        if (!adminExists(database)) {
            String password = settings.adminPassword().orElseGet(InstallationHome::randomPassword);
            firstStart.setProperty("ems.admin.initial-password", password);
            newAdminPassword = settings.adminPassword().isPresent() ? Optional.empty() : Optional.of(password);
        }
        Path runDirectory = home.directory("run");
        Path resourceAdapter = distribution.resolve("deploy/ems-ra.rar");
        JwtKeys jwt = JwtKeys.ensure(home, settings.jwtPrivateKey(), settings.jwtPublicKey());
        MicroConfiguration config = MicroConfiguration.write(
                runDirectory, settings, database, broker, jwt, tls, resourceAdapter, firstStart);
        List<URI> urls = MicroInstances.start(services, home, settings, distribution, config, tls);

        // The application has read the initial password: do not leave it on disk.
        MicroConfiguration.write(runDirectory, settings, database, broker, jwt, tls, resourceAdapter, new Properties());
        announceToMeters(runDirectory, settings, broker, urls.get(0));
        urls.forEach(url -> System.out.println("EMS ready at " + url));
        if (newAdminPassword.isPresent()) {
            System.out.println(
                    adminExists(database)
                            ? "Created user 'admin' with password " + newAdminPassword.get()
                                    + " (shown once; set EMS_ADMIN_PASSWORD to choose it)"
                            : "ems: the first administrator could not be created; see " + logs.resolve("micro.0.log"));
        }
        System.out.flush();
        // From here the launcher only supervises. Its heap grew while it started (schema migrations, PostgreSQL's
        // unpacking) and the serial collector gives memory back only after a full collection: one, now.
        System.gc();

        services.watch(restarted -> {
            // A restarted instance says it is ready again; after the broker or PostgreSQL, every instance does.
            for (Supervisor.Service service : services.services()) {
                if (service.running() instanceof PayaraMicroProcess micro
                        && (service == restarted || !(restarted.running() instanceof PayaraMicroProcess))) {
                    micro.awaitReady(Duration.ofMinutes(3));
                    System.out.println("EMS ready again at " + micro.baseUrl());
                }
            }
            System.out.flush();
        });
    }

    /**
     * The embedded broker (and its backup, with several instances), started in the background: its JVMs start while
     * PostgreSQL starts and the schemas migrate; they need the database only for meters' credentials, when they
     * connect. The backup starts once the primary is live. Nothing to start for an external broker.
     */
    private static CompletableFuture<?> startBrokers(
            Supervisor services,
            InstallationHome home,
            EmsSettings settings,
            BrokerEndpoint broker,
            Optional<TlsMaterial> tls,
            DatabaseEndpoint database)
            throws IOException {
        if (settings.brokerUrl().isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        Path logs = home.directory("logs");
        return CompletableFuture.runAsync(() -> {
            try {
                for (boolean backup : broker.ha() ? List.of(false, true) : List.of(false)) {
                    services.start(
                            backup ? "the backup broker" : "the broker",
                            logs.resolve(BrokerProcess.name(backup) + ".0.log").toString(),
                            () -> BrokerProcess.start(home, settings, broker, tls, database, backup));
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void stop(Supervisor services, InstallationHome home) {
        System.out.println("Stopping EMS...");
        services.stop();
        Leftovers.unguard(home);
        try {
            Leftovers.endStarting(home);
        } catch (IOException e) {
            System.err.println("ems: " + e.getMessage());
        }
        try {
            home.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        System.out.println("EMS stopped");
    }

    /**
     * Where meters on this machine (./ems simulate) find the broker (the URL with its TLS options; MQTT on the
     * embedded broker) and EMS.
     */
    private static void announceToMeters(Path runDirectory, EmsSettings settings, BrokerEndpoint broker, URI url)
            throws IOException {
        Properties meters = new Properties();
        meters.setProperty("broker.url", broker.url());
        if (settings.brokerUrl().isEmpty()) {
            meters.setProperty(
                    "mqtt.url",
                    (settings.tls() ? "ssl://" : "tcp://") + settings.bindAddress() + ":" + settings.mqttPort());
        }
        meters.setProperty("ems.url", url.toString());
        InstallationHome.writePrivate(runDirectory.resolve("meter.properties"), meters, "EMS endpoints for meters");
    }

    private static boolean adminExists(DatabaseEndpoint database) throws SQLException {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("select exists (select 1 from users.app_user where role = 'ADMIN')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void fail(String message) {
        System.err.println("ems: " + message);
        System.exit(1);
    }
}
