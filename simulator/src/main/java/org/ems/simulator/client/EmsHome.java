package org.ems.simulator.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the tools learn from a local EMS's home ({@code $EMS_HOME}) and environment: where its broker is and the
 * passwords {@code ./ems run} generated; the environment's variables win over the home's files.
 */
public final class EmsHome {

    /** The application's broker account (EMS_APP_BROKER_USER's default), for the benchmarks and the fault run. */
    public static final String APP_USER = "ems-app";

    private EmsHome() {}

    public static Path path() {
        return Path.of(System.getenv().getOrDefault("EMS_HOME", ".ems"));
    }

    /** The local EMS broker: as ./ems run announced it for meters (TLS options included), unless a port is set. */
    public static String brokerUrl() {
        return announced("EMS_BROKER_PORT", "broker.url", "tcp://127.0.0.1:", 61616);
    }

    /** The local EMS broker's MQTT listener, as ./ems run announced it, unless a port is set. */
    public static String mqttUrl() {
        return announced("EMS_MQTT_PORT", "mqtt.url", "tcp://127.0.0.1:", 1883);
    }

    /** The local EMS, as ./ems run announced it, unless a port is set. */
    public static String emsUrl() {
        String url = announced("EMS_HTTP_PORT", "ems.url", "http://127.0.0.1:", 8080);
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * What ./ems run wrote for meters to {@code run/meter.properties} under {@code key}, unless the port variable is
     * set (then {@code prefix} and it), else {@code prefix} and the default port.
     */
    private static String announced(String portVariable, String key, String prefix, int defaultPort) {
        String port = System.getenv(portVariable);
        Path announced = path().resolve("run/meter.properties");
        if (port == null && Files.isReadable(announced)) {
            try {
                String url = properties(announced).getProperty(key);
                if (url != null) {
                    return url;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + announced, e);
            }
        }
        return prefix + (port == null ? defaultPort : port);
    }

    public static String meterUser() {
        return System.getenv().getOrDefault("EMS_BROKER_USER", "meter");
    }

    /** $EMS_BROKER_PASSWORD, else the meter password ./ems run generated into {@code home}; null if neither. */
    public static String meterPassword(Path home) throws IOException {
        return secret(home, "EMS_BROKER_PASSWORD", "broker.meter.password");
    }

    /** The application's broker password: $EMS_APP_BROKER_PASSWORD, else the one in {@code home}; null if neither. */
    public static String appPassword(Path home) throws IOException {
        return secret(home, "EMS_APP_BROKER_PASSWORD", "broker.app.password");
    }

    /** The password of the embedded database's role {@code ems}, which ./ems run generated into {@code home}. */
    public static String databasePassword(Path home) throws IOException {
        return secret(home, "EMS_DB_PASSWORD", "db.password");
    }

    private static String secret(Path home, String variable, String key) throws IOException {
        String env = System.getenv(variable);
        if (env != null) {
            return env;
        }
        Path secrets = home.resolve("secrets.properties");
        return Files.exists(secrets) ? properties(secrets).getProperty(key) : null;
    }

    public static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
