package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * The embedded broker in a JVM of its own (its log in {@code $EMS_HOME/logs/broker.0.log}), so that it fails alone
 * and the launcher can restart it while PostgreSQL and Payara carry on. What it needs (endpoint, accounts, the
 * database for meter credentials) is handed over in {@code run/broker.properties}, readable by the owner only.
 * With several EMS instances there are two: the primary and a backup ({@code broker-backup.*}) sharing its journal.
 */
final class BrokerProcess implements Supervised {

    private final Process process;

    private BrokerProcess(Process process) {
        this.process = process;
    }

    /**
     * The name of the primary's (or single broker's) files, and of the backup's: {@code run/<name>.pid} (which the
     * launcher's guard reads), {@code .properties}, {@code .xml}, {@code logs/<name>.0.log}.
     */
    static String name(boolean backup) {
        return backup ? "broker-backup" : "broker";
    }

    /**
     * Starts a broker process and returns once it runs: the primary (or single broker) accepting connections, the
     * backup watching the primary.
     *
     * @param backup whether to start the backup of a primary/backup pair ({@code endpoint} then names both)
     */
    static BrokerProcess start(
            InstallationHome home,
            EmsSettings settings,
            BrokerEndpoint endpoint,
            Optional<TlsMaterial> tls,
            DatabaseEndpoint database,
            boolean backup)
            throws IOException, InterruptedException {
        Path run = home.directory("run");
        String name = name(backup);
        Properties handover = new Properties();
        handover.setProperty("data", home.directory("broker").toString());
        handover.setProperty("config", run.resolve(name + ".xml").toString());
        handover.setProperty("host", settings.bindAddress());
        handover.setProperty(
                "port", Integer.toString(endpoint.servers().get(backup ? 1 : 0).port()));
        if (endpoint.ha()) {
            handover.setProperty("backup", Boolean.toString(backup));
            handover.setProperty(
                    "peer-port",
                    Integer.toString(endpoint.servers().get(backup ? 0 : 1).port()));
        }
        handover.setProperty("mqtt-port", Integer.toString(settings.mqttPort()));
        handover.setProperty("cluster-password", EmbeddedBroker.clusterPassword(home));
        List<String> options = tls.map(TlsMaterial::acceptorOptions).orElse(List.of());
        for (int i = 0; i < options.size(); i++) {
            handover.setProperty("option." + i, options.get(i));
        }
        handover.setProperty("duplicate-ids", Integer.toString(settings.brokerDuplicateIds()));
        handover.setProperty("memory", Long.toString(settings.brokerMemory()));
        handover.setProperty("gateway", Boolean.toString(settings.brokerGateway()));
        handover.setProperty("app.user", endpoint.appUser());
        handover.setProperty("app.password", endpoint.appPassword());
        handover.setProperty("meter.user", endpoint.meterUser());
        handover.setProperty("meter.password", endpoint.meterPassword());
        handover.setProperty("db.url", database.url());
        handover.setProperty("db.user", database.user());
        handover.setProperty("db.password", database.password());
        Path file = run.resolve(name + ".properties");
        InstallationHome.writePrivate(file, handover, "The embedded broker's settings (written by ./ems run)");
        Path started = run.resolve(name + ".started");
        Files.deleteIfExists(started);

        Path logs = home.directory("logs");
        Path log = logs.resolve(name + ".0.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m",
                "-Xmx" + settings.brokerHeap(),
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + home.directory("tmp"),
                "-Dems.log.directory=" + logs,
                "-Dems.log.name=" + name));
        command.addAll(settings.logs().childOptions());
        command.addAll(settings.javaOptions());
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(), file.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LogSettings.console(logs, name));
        // The C library's per-thread memory pools held some 80 MiB beyond what the JVM itself uses (its native memory
        // tracking against the resident set, under ./ems bench ingest's load): two are enough for the broker.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        Files.writeString(run.resolve(name + ".pid"), Long.toString(process.pid()));
        BrokerProcess broker = new BrokerProcess(process);
        broker.awaitStarted(started, log, Duration.ofSeconds(60));
        return broker;
    }

    /** Waits for the process to note that its broker started (a primary returning waits for the backup to hand back). */
    private void awaitStarted(Path started, Path log, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the broker exited with code " + process.exitValue() + "; see " + log + ":\n"
                        + PayaraMicroProcess.tail(log, 30));
            }
            if (Files.exists(started)) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("the broker did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Stops the broker the way Ctrl-C would (SIGTERM: it closes its journal), forcibly only if it hangs. */
    @Override
    public void close() throws InterruptedException {
        Supervised.terminate(process);
    }

    /** The broker process: {@code BrokerProcess <settings file>}; runs until SIGTERM. */
    public static void main(String[] args) throws Exception {
        try (InputStream logging = BrokerProcess.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        LogSettings.ofChild()
                .install(Path.of(System.getProperty("ems.log.directory")), System.getProperty("ems.log.name"));
        Properties handover = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            handover.load(in);
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; handover.containsKey("option." + i); i++) {
            options.add(handover.getProperty("option." + i));
        }
        String host = handover.getProperty("host");
        int port = Integer.parseInt(handover.getProperty("port"));
        BrokerEndpoint accounts = new BrokerEndpoint(
                host,
                port,
                List.of(),
                handover.getProperty("app.user"),
                handover.getProperty("app.password"),
                handover.getProperty("meter.user"),
                handover.getProperty("meter.password"));
        DatabaseEndpoint database = new DatabaseEndpoint(
                handover.getProperty("db.url"), handover.getProperty("db.user"), handover.getProperty("db.password"));
        Optional<EmbeddedBroker.Pair> pair = handover.containsKey("backup")
                ? Optional.of(new EmbeddedBroker.Pair(
                        Boolean.parseBoolean(handover.getProperty("backup")),
                        Integer.parseInt(handover.getProperty("peer-port"))))
                : Optional.empty();
        Path config = Path.of(handover.getProperty("config"));
        EmbeddedBroker broker = EmbeddedBroker.start(
                Path.of(handover.getProperty("data")),
                config,
                host,
                port,
                OptionalInt.of(Integer.parseInt(handover.getProperty("mqtt-port"))),
                options,
                new EmbeddedBroker.Limits(
                        Integer.parseInt(handover.getProperty("duplicate-ids")),
                        Long.parseLong(handover.getProperty("memory"))),
                new BrokerAccounts(
                        accounts, Boolean.parseBoolean(handover.getProperty("gateway")), Optional.of(database)),
                handover.getProperty("cluster-password"),
                pair);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("Stopping the broker failed: " + e);
            }
            stopped.countDown();
        }));
        System.out.println(pair.map(p -> p.backup() ? "Backup broker watching its primary, on " : "Primary broker on ")
                        .orElse("Broker ready on ")
                + host + ":" + port);
        // The launcher waits for this: a backup does not listen until it takes over.
        Files.writeString(config.resolveSibling(config.getFileName().toString().replace(".xml", ".started")), "");
        stopped.await();
    }
}
