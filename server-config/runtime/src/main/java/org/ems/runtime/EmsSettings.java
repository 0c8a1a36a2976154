package org.ems.runtime;

import java.io.File;
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
        Optional<String> brokerUrl,
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
        List<Path> alsoDeploy,
        int instances,
        int clusterPort,
        List<String> clusterMembers) {

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
                value(env, "EMS_BROKER_URL").map(EmsSettings::brokerUrl),
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
                        .toList(),
                number(env, "EMS_INSTANCES", 1, 32, "a number of instances from 1 to 32"),
                port(env, "EMS_CLUSTER_PORT", 6900),
                value(env, "EMS_CLUSTER_MEMBERS").stream()
                        .flatMap(members -> Arrays.stream(members.split(",")))
                        .map(String::trim)
                        .filter(member -> !member.isEmpty())
                        .map(EmsSettings::member)
                        .toList());
    }

    /**
     * The data grid's members: {@code EMS_CLUSTER_MEMBERS} when given (instances on several hosts), else this host's
     * instances on consecutive ports from {@code EMS_CLUSTER_PORT}.
     */
    public List<String> gridMembers() {
        if (!clusterMembers.isEmpty()) {
            return clusterMembers;
        }
        return java.util.stream.IntStream.range(0, instances)
                .mapToObj(i -> bindAddress + ":" + (clusterPort + i))
                .toList();
    }

    private static String member(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("EMS_CLUSTER_MEMBERS lists host:port pairs, not '" + text + "'");
        }
        port(Map.of("EMS_CLUSTER_MEMBERS", text.substring(colon + 1)), "EMS_CLUSTER_MEMBERS", 1); // checked as any port
        return text;
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

    /** Checked now, so a mistyped URL stops the launcher before anything starts. */
    private static String brokerUrl(String text) {
        BrokerEndpoint.parse(text, "", "", "", "");
        return text.trim();
    }
}
