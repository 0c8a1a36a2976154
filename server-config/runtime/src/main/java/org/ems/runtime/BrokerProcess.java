package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * The embedded broker in a JVM of its own (its output in {@code $EMS_HOME/logs/broker.log}), so that it fails alone
 * and the launcher can restart it while PostgreSQL and Payara carry on. What it needs (endpoint, accounts, the
 * database for meter credentials) is handed over in {@code run/broker.properties}, readable by the owner only.
 */
final class BrokerProcess implements Supervised {

    /** Where the launcher notes the broker's process. */
    static final String PID = "broker.pid";

    static final String SETTINGS = "broker.properties";

    private final Process process;

    private BrokerProcess(Process process) {
        this.process = process;
    }

    /** Starts the broker process and returns once it accepts connections. */
    static BrokerProcess start(
            InstallationHome home,
            EmsSettings settings,
            BrokerEndpoint endpoint,
            Optional<TlsMaterial> tls,
            DatabaseEndpoint database)
            throws IOException, InterruptedException {
        Path run = home.directory("run");
        Properties handover = new Properties();
        handover.setProperty("data", home.directory("broker").toString());
        handover.setProperty("config", run.resolve("broker.xml").toString());
        handover.setProperty("host", settings.bindAddress());
        handover.setProperty("port", Integer.toString(endpoint.port()));
        List<String> options = tls.map(TlsMaterial::acceptorOptions).orElse(List.of());
        for (int i = 0; i < options.size(); i++) {
            handover.setProperty("option." + i, options.get(i));
        }
        handover.setProperty("duplicate-ids", Integer.toString(settings.brokerDuplicateIds()));
        handover.setProperty("gateway", Boolean.toString(settings.brokerGateway()));
        handover.setProperty("app.user", endpoint.appUser());
        handover.setProperty("app.password", endpoint.appPassword());
        handover.setProperty("meter.user", endpoint.meterUser());
        handover.setProperty("meter.password", endpoint.meterPassword());
        handover.setProperty("db.url", database.url());
        handover.setProperty("db.user", database.user());
        handover.setProperty("db.password", database.password());
        Path file = run.resolve(SETTINGS);
        InstallationHome.writePrivate(file, handover, "The embedded broker's settings (written by ./ems run)");

        Path log = home.directory("logs").resolve("broker.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms32m",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-Djava.io.tmpdir=" + home.directory("tmp"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BrokerProcess.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.writeString(run.resolve(PID), Long.toString(process.pid()));
        BrokerProcess broker = new BrokerProcess(process);
        broker.awaitListening(settings.bindAddress(), endpoint.port(), log, Duration.ofSeconds(60));
        return broker;
    }

    private void awaitListening(String host, int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the broker exited with code " + process.exitValue() + "; see " + log + ":\n"
                        + PayaraMicroProcess.tail(log, 30));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("the broker did not listen on " + host + ":" + port + " within " + timeout.toSeconds()
                + " s; see " + log);
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
        EmbeddedBroker broker = EmbeddedBroker.start(
                Path.of(handover.getProperty("data")),
                Path.of(handover.getProperty("config")),
                host,
                port,
                options,
                Integer.parseInt(handover.getProperty("duplicate-ids")),
                new BrokerAccounts(
                        accounts, Boolean.parseBoolean(handover.getProperty("gateway")), Optional.of(database)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("Stopping the broker failed: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("Broker ready on " + host + ":" + port);
        stopped.await();
    }
}
