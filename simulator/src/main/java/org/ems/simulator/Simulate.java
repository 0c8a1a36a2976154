package org.ems.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ems simulate}: headless smart meters replaying a load profile to the EMS broker. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Replays sensor.csv as smart meters: cumulative kWh readings sent to the EMS broker at the "
                + "wall-clock pace (meter time = interval x step; --speed 600 = ten minutes of meter time per second).")
public final class Simulate implements Callable<Integer> {

    @Option(names = "--device", paramLabel = "UUID", description = "a meter's device id (repeatable)")
    List<UUID> devices = new ArrayList<>();

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "load profile: one cumulative kWh value per line "
                    + "(default: the bundled sensor.csv, 4 weeks at 10 minutes)")
    Path csv;

    @Option(
            names = "--interval",
            defaultValue = "10m",
            paramLabel = "DURATION",
            description = "meter time between readings, e.g. 10m, 1h, 30s (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--speed", defaultValue = "1", description = "meter time per wall time (default ${DEFAULT-VALUE})")
    double speed;

    @Option(
            names = "--start",
            paramLabel = "ISO-INSTANT",
            description = "meter time of the first reading (default: now, rounded down to the interval)")
    String start;

    @Option(names = "--count", paramLabel = "N", description = "readings per device, then exit")
    Long count;

    @Option(names = "--format", defaultValue = "ems", description = "ems or classic (default ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--batch",
            defaultValue = "1",
            paramLabel = "N",
            description = "readings per message, 1 to 1000 (a gateway's batch; default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--loop", description = "start the profile over at its end (the register keeps growing)")
    boolean loop;

    @Option(names = "--ledger", paramLabel = "FILE", description = "append every reading the broker acknowledged")
    Path ledger;

    @Option(
            names = "--broker",
            paramLabel = "URL",
            description = "default: tcp://127.0.0.1:$EMS_BROKER_PORT if set, "
                    + "else the URL the running EMS wrote to $EMS_HOME/run/meter.properties (with TLS options when on), "
                    + "else tcp://127.0.0.1:61616")
    String broker;

    @Option(names = "--user", description = "default: $EMS_BROKER_USER, else meter")
    String user;

    @Option(names = "--password", description = "default: $EMS_BROKER_PASSWORD, else the one in $EMS_HOME")
    String password;

    @Option(
            names = "--fault",
            paramLabel = "FAULT",
            description = "duplicates, reorder, late, gap, reset or dst " + "(repeatable)")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--zone",
            defaultValue = "Europe/Bucharest",
            description = "meter's zone for --fault dst (default ${DEFAULT-VALUE})")
    String zone;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "store-and-forward buffer and progress " + "(default: $EMS_HOME/simulator)")
    Path state;

    @Option(names = "--fresh", description = "discard the buffer and progress in the state directory first")
    boolean fresh;

    @Option(names = "--load", paramLabel = "METERS", description = "load mode: this many meters (fixed ids) at --rate")
    Integer load;

    @Option(
            names = "--rate",
            defaultValue = "1000",
            description = "load mode: readings per second, all meters " + "together (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "30s",
            paramLabel = "DURATION",
            description = "load mode: how long (default ${DEFAULT-VALUE})")
    String loadDuration;

    @Option(
            names = "--threads",
            defaultValue = "4",
            description = "load mode: broker connections (default ${DEFAULT-VALUE})")
    int threads;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Simulate());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("simulate: " + (e.getMessage() == null ? e : e.getMessage()));
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        if (devices.isEmpty() && load == null) {
            throw new IllegalArgumentException("give at least one --device <uuid> (or --load for load mode)");
        }
        if (batch < 1 || batch > org.ems.contracts.reading.MeterReadingCodec.MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be 1 to 1000, not " + batch);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be above 0");
        }
        Duration step = duration(interval);
        Set<Fault> chosen = faults();
        ZoneId meterZone = ZoneId.of(zone);
        Instant first = start != null
                ? instant(start)
                : chosen.contains(Fault.DST)
                        ? nextDstDay(meterZone)
                        : Instant.ofEpochSecond(Instant.now().getEpochSecond() / step.toSeconds() * step.toSeconds());
        LoadProfile profile = csv == null ? LoadProfile.bundled() : LoadProfile.load(csv);
        Path home = emsHome();
        String url = broker != null ? broker : defaultBrokerUrl();
        if (load != null) {
            if (load < 1 || !(rate > 0) || threads < 1) {
                throw new IllegalArgumentException("--load, --rate and --threads must be above 0");
            }
            String meterUser = user();
            String meterPassword = password(home);
            System.out.printf(
                    "load: %d meters, %,.0f readings/s, batch %d, to %s%n", load, rate, batch, printable(url));
            new LoadRun(
                            LoadRun.fixedMeters(load),
                            profile,
                            first,
                            step,
                            rate,
                            duration(loadDuration),
                            threads,
                            batch,
                            acknowledged -> new BrokerLink(url, meterUser, meterPassword, acknowledged),
                            System.out)
                    .run();
            return 0;
        }
        long last = count != null ? count : loop ? Long.MAX_VALUE : profile.size();
        List<MeterStream> meters = devices.stream()
                .distinct()
                .map(d -> new MeterStream(d, profile, first, step, chosen))
                .toList();

        Path stateDir = state != null ? state : home.resolve("simulator");
        if (fresh) {
            deleteTree(stateDir);
        }
        String runKey =
                devices.stream()
                                .distinct()
                                .sorted()
                                .map(UUID::toString)
                                .reduce((a, b) -> a + "," + b)
                                .orElse("") + "@" + first + "/" + step;
        try (BrokerLink link = new BrokerLink(url, user(), password(home))) {
            Replay replay = new Replay(
                    meters,
                    step,
                    speed,
                    last,
                    stateDir,
                    runKey,
                    link,
                    BrokerLink.Format.valueOf(format.toUpperCase(Locale.ROOT)),
                    batch,
                    ledger,
                    System.out);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                replay.requestStop();
                try {
                    main.join(15_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            System.out.printf(
                    "simulating %d meter(s) from %s, every %s of meter time, speed %s, to %s%n",
                    meters.size(), first, step, speed, printable(url));
            int left = replay.run();
            System.out.printf(
                    "%d readings acknowledged by the broker%s%n",
                    replay.sent(), left == 0 ? "" : ", " + left + " kept in " + stateDir + " for the next run");
            return left == 0 ? 0 : 1;
        }
    }

    private Set<Fault> faults() {
        Set<Fault> chosen = EnumSet.noneOf(Fault.class);
        for (String f : faults) {
            try {
                chosen.add(Fault.valueOf(f.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown --fault '" + f + "' (duplicates, reorder, late, gap, reset, dst)");
            }
        }
        return chosen;
    }

    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(s|m|h)").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("a duration must look like 30s, 10m or 1h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--start must be an ISO instant such as 2026-03-29T00:00:00Z, not '" + text + "'");
        }
    }

    /** Midnight (local) of the next day with a DST change in the zone. */
    static Instant nextDstDay(ZoneId zone) {
        var transition = zone.getRules().nextTransition(Instant.now());
        if (transition == null) {
            throw new IllegalArgumentException(zone + " has no DST change ahead; choose --zone or --start");
        }
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        return day.atStartOfDay(zone).toInstant();
    }

    private String user() {
        return user != null ? user : defaultUser();
    }

    private String password(Path home) throws IOException {
        if (password != null) {
            return password;
        }
        String known = defaultPassword(home);
        if (known == null) {
            throw new IllegalArgumentException("no broker password: give --password, set EMS_BROKER_PASSWORD, or run "
                    + "./ems run first (it generates one into " + home.resolve("secrets.properties") + ")");
        }
        return known;
    }

    /** The broker URL without its (trust store) passwords. */
    private static String printable(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static Path emsHome() {
        return Path.of(System.getenv().getOrDefault("EMS_HOME", ".ems"));
    }

    /** The local EMS broker: as ./ems run announced it for meters (TLS options included), unless a port is set. */
    static String defaultBrokerUrl() {
        String port = System.getenv("EMS_BROKER_PORT");
        Path announced = emsHome().resolve("run/meter.properties");
        if (port == null && Files.isReadable(announced)) {
            try {
                return properties(announced).getProperty("broker.url");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + announced, e);
            }
        }
        return "tcp://127.0.0.1:" + (port == null ? "61616" : port);
    }

    static String defaultUser() {
        return System.getenv().getOrDefault("EMS_BROKER_USER", "meter");
    }

    /** $EMS_BROKER_PASSWORD, else the meter password ./ems run generated into $EMS_HOME; null if neither. */
    static String defaultPassword(Path home) throws IOException {
        return secret(home, "EMS_BROKER_PASSWORD", "broker.meter.password");
    }

    /** The application's broker account (EMS_APP_BROKER_USER's default), for the benchmarks and the fault run. */
    static final String APP_USER = "ems-app";

    /** The application's broker password: $EMS_APP_BROKER_PASSWORD, else the one in $EMS_HOME; null if neither. */
    static String appPassword(Path home) throws IOException {
        return secret(home, "EMS_APP_BROKER_PASSWORD", "broker.app.password");
    }

    private static String secret(Path home, String variable, String key) throws IOException {
        String env = System.getenv(variable);
        if (env != null) {
            return env;
        }
        Path secrets = home.resolve("secrets.properties");
        return Files.exists(secrets) ? properties(secrets).getProperty(key) : null;
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    static void deleteTree(Path dir) throws IOException {
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
