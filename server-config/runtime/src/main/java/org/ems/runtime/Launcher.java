package org.ems.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * {@code ./ems run}: starts embedded PostgreSQL and Artemis (unless external ones are configured), migrates the schemas,
 * runs EMS on Payara Micro, prints {@code EMS ready at <url>}, keeps each of them running ({@link Supervisor}), and
 * stops everything on Ctrl-C / SIGTERM.
 * {@code ./ems migrate}: only brings the database schemas up to date (for EAR deployments).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        try (var logging = Launcher.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
            Map<String, String> environment = new HashMap<>(System.getenv());
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--instances") && i + 1 < args.length) {
                    environment.put("EMS_INSTANCES", args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "' (expected --instances N)");
                }
            }
            EmsSettings settings = EmsSettings.fromEnvironment(environment, Path.of(""));
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
        FreePorts.requireForInstancesAndDatabase(settings);
        Leftovers.guard(home);
        Supervisor services = new Supervisor();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, home), "ems-stop"));
        Path logs = home.directory("logs");

        DatabaseEndpoint database = Infrastructure.database(settings, home);
        Optional<TlsMaterial> tls = TlsMaterial.ensure(settings, home);
        BrokerEndpoint broker = Infrastructure.brokerEndpoint(settings, home, tls);
        FreePorts.requireForBroker(settings, broker);
        // The broker's JVMs start while PostgreSQL starts and the schemas migrate: they need the database only for
        // meters' credentials, when they connect. With several instances, the backup starts once the primary is live.
        CompletableFuture<?> brokerStarted = settings.brokerUrl().isPresent()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        for (boolean backup : broker.ha() ? List.of(false, true) : List.of(false)) {
                            String name = BrokerProcess.name(backup);
                            services.start(
                                    backup ? "the backup broker" : "the broker",
                                    logs.resolve(name + ".log").toString(),
                                    () -> BrokerProcess.start(home, settings, broker, tls, database, backup));
                        }
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
        if (settings.dbUrl().isEmpty()) {
            services.start(
                    "PostgreSQL",
                    logs.resolve("postgres.log").toString(),
                    () -> EmbeddedDatabase.start(home, settings.bindAddress(), settings.dbPort()));
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
        JwtKeys jwt = JwtKeys.ensure(home, System.getenv());
        MicroConfiguration config = MicroConfiguration.write(
                runDirectory, settings, database, broker, jwt, tls, resourceAdapter, firstStart);
        // The instances start together and form one data grid; start-up work that must happen once (the first
        // administrator, the device replica) is safe when they do.
        // Threads of their own: readiness probes block, and the common pool may have a single thread.
        ExecutorService starters = Executors.newFixedThreadPool(settings.instances());
        List<CompletableFuture<Supervisor.Service>> starting = new ArrayList<>();
        for (int instance = 1; instance <= settings.instances(); instance++) {
            int number = instance;
            int port = settings.webPort() + instance - 1;
            List<String> microOptions = new ArrayList<>(
                    config.options(port, settings.clusterPort() + instance - 1, List.of(postgresDriver(distribution))));
            microOptions.addAll(
                    List.of("--deploy", distribution.resolve("deploy/ROOT.war").toString()));
            // After EMS: ./ems bench ingest deploys its no-work MDB so (bench/no-work-mdb.war).
            settings.alsoDeploy().forEach(archive -> microOptions.addAll(List.of("--deploy", archive.toString())));
            starting.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return services.start(
                                    settings.instances() == 1 ? "Payara Micro" : "Payara Micro " + number,
                                    logs.resolve(PayaraMicroProcess.name(number) + ".log")
                                            .toString(),
                                    () -> startPayara(home, settings, number, port, tls, microJar, microOptions));
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    },
                    starters));
        }
        starters.shutdown();
        List<URI> urls = new ArrayList<>();
        try {
            for (CompletableFuture<Supervisor.Service> started : starting) {
                URI url = ((PayaraMicroProcess) started.join().running()).baseUrl();
                urls.add(url);
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }

        // The application has read the initial password: do not leave it on disk.
        MicroConfiguration.write(runDirectory, settings, database, broker, jwt, tls, resourceAdapter, new Properties());
        announceToMeters(runDirectory, broker, urls.get(0));
        urls.forEach(url -> System.out.println("EMS ready at " + url));
        if (newAdminPassword.isPresent()) {
            System.out.println(
                    adminExists(database)
                            ? "Created user 'admin' with password " + newAdminPassword.get()
                                    + " (shown once; set EMS_ADMIN_PASSWORD to choose it)"
                            : "ems: the first administrator could not be created; see " + logs.resolve("micro.log"));
        }
        System.out.flush();

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

    /** Payara Micro running EMS, once it is ready. */
    private static PayaraMicroProcess startPayara(
            InstallationHome home,
            EmsSettings settings,
            int instance,
            int port,
            Optional<TlsMaterial> tls,
            Path microJar,
            List<String> microOptions)
            throws IOException, InterruptedException {
        PayaraMicroProcess started = PayaraMicroProcess.start(
                home,
                instance,
                settings.bindAddress(),
                port,
                tls,
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
                        "-Dactivemq.artemis.client.global.thread.pool.max.size=128",
                        // The data grid listens on the bind address only (Hazelcast binds every interface otherwise).
                        "-Dhazelcast.socket.bind.any=false",
                        // A killed instance leaves the grid within seconds (default: a minute without heartbeats),
                        // so the others stop waiting for its partitions.
                        "-Dhazelcast.heartbeat.interval.seconds=1",
                        "-Dhazelcast.max.no.heartbeat.seconds=8"),
                microOptions);
        try {
            started.awaitReady(Duration.ofMinutes(3));
        } catch (IOException notReady) {
            started.close();
            throw notReady;
        }
        return started;
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

    /** Where meters on this machine (./ems simulate) find the broker: the URL with its TLS options. */
    private static void announceToMeters(Path runDirectory, BrokerEndpoint broker, URI url) throws IOException {
        Properties meters = new Properties();
        meters.setProperty("broker.url", broker.url());
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

    private static Path postgresDriver(Path distribution) throws IOException {
        try (Stream<Path> libs = Files.list(distribution.resolve("lib"))) {
            return libs.filter(p -> p.getFileName().toString().startsWith("postgresql-"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IOException("PostgreSQL driver missing from " + distribution.resolve("lib")));
        }
    }

    private static void fail(String message) {
        System.err.println("ems: " + message);
        System.exit(1);
    }
}
