package org.ems.runtime;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of one EMS installation, read from {@code EMS_*} environment variables (see the README's configuration
 * table). A part given a URL ({@code EMS_DB_URL}, {@code EMS_BROKER_URL}) is external and not started.
 */
public record EmsSettings(
        Path home,
        String bindAddress,
        int httpPort,
        int httpsPort,
        int dbPort,
        int brokerPort,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<URI> brokerUrl,
        Optional<String> meterUser,
        Optional<String> meterPassword,
        Optional<String> appBrokerUser,
        Optional<String> appBrokerPassword,
        Optional<String> adminPassword,
        String timeZone,
        boolean tls,
        Optional<Path> tlsKeyStore,
        Optional<String> tlsKeyStorePassword,
        boolean brokerGateway,
        int brokerDuplicateIds,
        List<Path> alsoDeploy) {

    public static EmsSettings fromEnvironment(Map<String, String> env, Path workingDirectory) {
        return new EmsSettings(
                workingDirectory
                        .resolve(env.getOrDefault("EMS_HOME", ".ems"))
                        .toAbsolutePath()
                        .normalize(),
                env.getOrDefault("EMS_BIND_ADDRESS", "127.0.0.1"),
                port(env, "EMS_HTTP_PORT", 8080),
                port(env, "EMS_HTTPS_PORT", 8443),
                port(env, "EMS_DB_PORT", 15432),
                port(env, "EMS_BROKER_PORT", 61616),
                value(env, "EMS_DB_URL"),
                value(env, "EMS_DB_USER"),
                value(env, "EMS_DB_PASSWORD"),
                value(env, "EMS_BROKER_URL").map(EmsSettings::brokerUri),
                value(env, "EMS_BROKER_USER"),
                value(env, "EMS_BROKER_PASSWORD"),
                value(env, "EMS_APP_BROKER_USER"),
                value(env, "EMS_APP_BROKER_PASSWORD"),
                value(env, "EMS_ADMIN_PASSWORD"),
                env.getOrDefault("EMS_TIMEZONE", "UTC"),
                tls(env),
                value(env, "EMS_TLS_KEYSTORE").map(Path::of),
                value(env, "EMS_TLS_KEYSTORE_PASSWORD"),
                onOff(env, "EMS_BROKER_GATEWAY").orElse(true),
                count(env, "EMS_BROKER_DUPLICATE_IDS", EmbeddedBroker.DUPLICATE_IDS),
                value(env, "EMS_ALSO_DEPLOY").stream()
                        .flatMap(paths -> Arrays.stream(paths.split(File.pathSeparator)))
                        .map(Path::of)
                        .toList());
    }

    /** The port EMS serves on: HTTPS when TLS is on (plain HTTP is then off), else HTTP. */
    public int webPort() {
        return tls ? httpsPort : httpPort;
    }

    /** The variable that sets {@link #webPort()}, for error messages. */
    public String webPortSetting() {
        return tls ? "EMS_HTTPS_PORT" : "EMS_HTTP_PORT";
    }

    /** TLS is on with {@code EMS_TLS=on} (self-signed key unless one is given) or when a key store is given. */
    private static boolean tls(Map<String, String> env) {
        return onOff(env, "EMS_TLS").orElse(value(env, "EMS_TLS_KEYSTORE").isPresent());
    }

    /** A switch: {@code on} or {@code off}; empty when not set. */
    private static Optional<Boolean> onOff(Map<String, String> env, String name) {
        String text = env.getOrDefault(name, "").trim();
        if (!text.isEmpty() && !text.equals("on") && !text.equals("off")) {
            throw new IllegalArgumentException(name + " must be on or off, not '" + text + "'");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.equals("on"));
    }

    /** Settings for tests: everything embedded under {@code home}, on the given ports. */
    public static EmsSettings embedded(Path home, int httpPort, int dbPort, int brokerPort) {
        return fromEnvironment(
                Map.of(
                        "EMS_HOME", home.toString(),
                        "EMS_HTTP_PORT", Integer.toString(httpPort),
                        "EMS_DB_PORT", Integer.toString(dbPort),
                        "EMS_BROKER_PORT", Integer.toString(brokerPort)),
                Path.of("."));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        return number(env, name, defaultPort, 65535, "a TCP port (1-65535)");
    }

    private static int count(Map<String, String> env, String name, int defaultCount) {
        return number(env, name, defaultCount, Integer.MAX_VALUE, "a positive whole number");
    }

    /** A whole number from 1 to {@code max}; {@code meaning} names it in the error. */
    private static int number(Map<String, String> env, String name, int defaultValue, int max, String meaning) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + meaning + ", not '" + text + "'");
        }
    }

    private static URI brokerUri(String text) {
        URI uri = URI.create(text.trim());
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("EMS_BROKER_URL must look like tcp://host:port, not '" + text + "'");
        }
        return uri;
    }
}
