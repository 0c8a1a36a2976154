package org.ems.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ems status}: each part of the installation these settings describe, and whether it is up: the launcher
 * (the process holding the home), the database (a connection), the broker (its port answers) and every instance
 * ({@code /health/ready}). Exit status 0 only when every part is up.
 */
final class Status {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Status() {}

    record Part(String name, boolean up, String detail) {
        @Override
        public String toString() {
            return String.format("%-12s %-5s %s", name, up ? "up" : "DOWN", detail);
        }
    }

    /** Every part's state, in the order they start. */
    static List<Part> of(EmsSettings settings) {
        Path root = settings.home();
        List<Part> parts = new ArrayList<>();
        Optional<ProcessHandle> launcher = pid(root.resolve("ems.lock"));
        parts.add(new Part(
                "launcher",
                launcher.isPresent(),
                launcher.map(p -> "process " + p.pid() + ", EMS_HOME " + root).orElse("no EMS runs on " + root)));
        parts.add(database(settings));
        parts.add(broker(settings));
        if (settings.brokerUrl().isEmpty()) {
            parts.add(listening("MQTT", settings.bindAddress(), settings.mqttPort()));
        }
        for (int i = 0; i < settings.instances(); i++) {
            parts.add(instance(settings, i));
        }
        return parts;
    }

    private static Part database(EmsSettings settings) {
        String where = settings.dbUrl().orElse(settings.bindAddress() + ":" + settings.dbPort());
        try {
            Optional<DatabaseEndpoint> external = Infrastructure.externalDatabase(settings);
            DatabaseEndpoint endpoint = external.isPresent()
                    ? external.get()
                    : EmbeddedDatabase.endpoint(settings.home(), settings.bindAddress(), settings.dbPort(), false);
            java.sql.DriverManager.setLoginTimeout((int) TIMEOUT.toSeconds());
            try (Connection c = endpoint.connect()) {
                return new Part(
                        "database",
                        true,
                        where + ", PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
            }
        } catch (Exception e) {
            return new Part("database", false, where + ": " + e.getMessage());
        }
    }

    private static Part broker(EmsSettings settings) {
        if (settings.brokerUrl().isPresent()) {
            return new Part("broker", true, settings.brokerUrl().get() + " (external: not checked)");
        }
        return listening("broker", settings.bindAddress(), settings.brokerPort());
    }

    /** Whether something accepts connections on the port. */
    private static Part listening(String name, String host, int port) {
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return new Part(name, true, where);
        } catch (IOException e) {
            return new Part(name, false, where + ": " + e.getMessage());
        }
    }

    /** An instance's readiness, asked as the launcher asks it; with TLS the home's trust store says whom to trust. */
    private static Part instance(EmsSettings settings, int i) {
        String name = settings.instances() == 1 ? "EMS" : "EMS " + (i + 1);
        URI url = PayaraMicroProcess.baseUrl(settings.bindAddress(), settings.webPort() + i, settings.tls());
        try {
            HttpResponse<String> answer = PayaraMicroProcess.readinessProbe(
                            settings.tls() ? Optional.of(TlsMaterial.trusting(settings.home())) : Optional.empty())
                    .send(PayaraMicroProcess.readinessRequest(url), HttpResponse.BodyHandlers.ofString());
            boolean ready = PayaraMicroProcess.ready(answer);
            return new Part(name, ready, url + (ready ? ", ready" : ", not ready: " + answer.body()));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Part(name, false, url + ": " + e);
        }
    }

    private static Optional<ProcessHandle> pid(Path file) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file).trim() : "";
            return text.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(text)).filter(p -> {
                        // the lock file names the last holder: it counts only while it still holds the home
                        try (InstallationHome free = InstallationHome.open(file.getParent())) {
                            return false;
                        } catch (IOException held) {
                            return p.isAlive();
                        }
                    });
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
