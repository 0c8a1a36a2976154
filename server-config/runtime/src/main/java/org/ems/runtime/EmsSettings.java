package org.ems.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings of one EMS installation, from {@code $EMS_HOME/ems.properties} and {@code EMS_*} variables
 * ({@link SettingSources}; the table is docs/configuration.md), each checked: a bad one stops the start with one line
 * naming it. A part given a URL ({@code EMS_DB_URL}, {@code EMS_BROKER_URL}) is external and not started.
 */
public record EmsSettings(
        Path home,
        String bindAddress,
        int httpPort,
        int httpsPort,
        int dbPort,
        int brokerPort,
        int mqttPort,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> brokerUrl,
        String meterUser,
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
        List<String> clusterMembers,
        String microHeap,
        String brokerHeap,
        long brokerMemory,
        List<String> javaOptions,
        int dbPoolMaxSize,
        int readingsSessions,
        LogSettings logs,
        Optional<String> jwtPrivateKey,
        Optional<String> jwtPublicKey,
        Properties application) {

    /** The settings in force for this environment: defaults, {@code $EMS_HOME/ems.properties}, variables. */
    public static EmsSettings fromEnvironment(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> env = SettingSources.resolve(environment, workingDirectory);
        return new EmsSettings(
                SettingSources.home(environment, workingDirectory),
                env.get("EMS_BIND_ADDRESS"),
                port(env, "EMS_HTTP_PORT"),
                port(env, "EMS_HTTPS_PORT"),
                port(env, "EMS_DB_PORT"),
                port(env, "EMS_BROKER_PORT"),
                port(env, "EMS_MQTT_PORT"),
                value(env, "EMS_DB_URL"),
                value(env, "EMS_DB_USER"),
                value(env, "EMS_DB_PASSWORD"),
                value(env, "EMS_BROKER_URL").map(EmsSettings::brokerUrl),
                env.get("EMS_BROKER_USER"),
                value(env, "EMS_BROKER_PASSWORD"),
                value(env, "EMS_APP_BROKER_USER"),
                value(env, "EMS_APP_BROKER_PASSWORD"),
                value(env, "EMS_ADMIN_PASSWORD"),
                zone(env, "EMS_TIMEZONE"),
                tls(env),
                value(env, "EMS_TLS_KEYSTORE").map(Path::of),
                value(env, "EMS_TLS_KEYSTORE_PASSWORD"),
                onOff(env, "EMS_BROKER_GATEWAY").orElseThrow(),
                number(env, "EMS_BROKER_DUPLICATE_IDS", 1, Integer.MAX_VALUE, "a positive whole number"),
                value(env, "EMS_ALSO_DEPLOY").stream()
                        .flatMap(paths -> Arrays.stream(paths.split(File.pathSeparator)))
                        .map(Path::of)
                        .toList(),
                number(env, "EMS_INSTANCES", 1, 32, "a number of instances from 1 to 32"),
                port(env, "EMS_CLUSTER_PORT"),
                value(env, "EMS_CLUSTER_MEMBERS").stream()
                        .flatMap(members -> Arrays.stream(members.split(",")))
                        .map(String::trim)
                        .filter(member -> !member.isEmpty())
                        .map(EmsSettings::member)
                        .toList(),
                heap(env, "EMS_MICRO_HEAP"),
                heap(env, "EMS_BROKER_HEAP"),
                brokerMemory(env),
                javaOptions(env),
                number(env, "EMS_DB_POOL_MAX_SIZE", 1, 1000, "a pool size from 1 to 1000"),
                number(env, "EMS_READINGS_SESSIONS", 1, 100, "a number of sessions from 1 to 100"),
                LogSettings.from(env),
                value(env, "EMS_JWT_PRIVATE_KEY"),
                value(env, "EMS_JWT_PUBLIC_KEY"),
                ApplicationSettings.of(env));
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
            throw invalid("EMS_CLUSTER_MEMBERS", "a list of host:port pairs", text);
        }
        port(Map.of("EMS_CLUSTER_MEMBERS", text.substring(colon + 1)), "EMS_CLUSTER_MEMBERS"); // checked as any port
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

    /** A switch: {@code on} or {@code off} ({@code true}, {@code false} alike); empty when not set. */
    static Optional<Boolean> onOff(Map<String, String> env, String name) {
        String text = env.getOrDefault(name, "").trim();
        if (!text.isEmpty() && !java.util.List.of("on", "off", "true", "false").contains(text)) {
            throw invalid(name, "on or off", text);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.equals("on") || text.equals("true"));
    }

    /** Settings for tests: everything embedded under {@code home}, on the given ports. */
    public static EmsSettings embedded(Path home, int httpPort, int dbPort, int brokerPort, int mqttPort) {
        return fromEnvironment(
                Map.of(
                        "EMS_HOME", home.toString(),
                        "EMS_HTTP_PORT", Integer.toString(httpPort),
                        "EMS_DB_PORT", Integer.toString(dbPort),
                        "EMS_BROKER_PORT", Integer.toString(brokerPort),
                        "EMS_MQTT_PORT", Integer.toString(mqttPort)),
                Path.of("."));
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    static int port(Map<String, String> env, String name) {
        return number(env, name, 1, 65535, "a TCP port (1-65535)");
    }

    /** A whole number from 1 to {@code max}; {@code meaning} names it in the error. */
    static int number(Map<String, String> env, String name, int min, int max, String meaning) {
        String text = env.getOrDefault(name, "");
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, meaning, text);
        }
    }

    /** A Java heap size as {@code -Xmx} takes it: 128m (the smallest start heap) to 64g. */
    private static String heap(Map<String, String> env, String name) {
        heapMib(env, name);
        return env.get(name).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static long heapMib(Map<String, String> env, String name) {
        return mebibytes(env, name, 128, 64 * 1024, "a heap size from 128m to 64g (512m, 2g)");
    }

    /** MiB of messages the embedded broker holds in memory ({@code ems.broker.memory}). */
    static long brokerMemory(Map<String, String> env) {
        // the heap must hold them and still work: Artemis itself asks for no more than half of it
        long half = heapMib(env, "EMS_BROKER_HEAP") / 2;
        return mebibytes(
                env, "EMS_BROKER_MEMORY", 8, half, "a size from 8m to half of ems.broker.heap (" + half + "m)");
    }

    /** Options for the Java command of Payara Micro and the broker ({@code ems.java-options}), split at spaces. */
    private static List<String> javaOptions(Map<String, String> env) {
        String text = env.getOrDefault("EMS_JAVA_OPTIONS", "").strip();
        List<String> options = text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        if (options.stream().anyMatch(option -> !option.startsWith("-"))) {
            throw invalid("EMS_JAVA_OPTIONS", "Java options separated by spaces, each beginning with '-'", text);
        }
        return options;
    }

    /** A size in MiB written {@code 512m} or {@code 2g}, from {@code min} to {@code max} MiB. */
    static long mebibytes(Map<String, String> env, String name, long min, long max, String meaning) {
        String text = env.getOrDefault(name, "").strip();
        java.util.regex.Matcher size =
                java.util.regex.Pattern.compile("(\\d{1,6})([mMgG])").matcher(text);
        long mib =
                size.matches() ? Long.parseLong(size.group(1)) * (size.group(2).equalsIgnoreCase("g") ? 1024 : 1) : 0;
        if (mib < min || mib > max) {
            throw invalid(name, meaning, text);
        }
        return mib;
    }

    private static String zone(Map<String, String> env, String name) {
        String text = env.getOrDefault(name, "").strip();
        try {
            return java.time.ZoneId.of(text).getId();
        } catch (java.time.DateTimeException e) {
            throw invalid(name, "a time zone (UTC, Europe/Bucharest)", text);
        }
    }

    /** The one line that stops the start: the setting (key and variable), what it must be, what it is. */
    static IllegalArgumentException invalid(String name, String meaning, String text) {
        return new IllegalArgumentException(
                SettingSources.named(name) + " must be " + meaning + ", not '" + text + "'");
    }

    /** Checked now, so a mistyped URL stops the launcher before anything starts. */
    private static String brokerUrl(String text) {
        BrokerEndpoint.parse(text, "", "", "", "");
        return text.trim();
    }
}
