package org.ems.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ems.simulator.check.LedgerCheck;
import org.ems.simulator.client.AdminOptions;
import org.ems.simulator.client.Durations;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.Fleet;
import org.ems.simulator.client.LinkOptions;
import org.ems.simulator.meter.FaultPlan;
import org.ems.simulator.meter.LoadMix;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.LoadRun;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.MeterStream;
import org.ems.simulator.meter.Replay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./ems simulate}: headless smart meters replaying a load profile to EMS, over JMS, MQTT or HTTP. */
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
            names = "--profile",
            defaultValue = "household",
            description = "the kind of consumer: household, shop, heat-pump or ev, shaped from the profile, or a mix "
                    + "by weight, e.g. household=0.6,ev=0.3,shop=0.1 (default ${DEFAULT-VALUE})")
    String shape;

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

    @Mixin
    LinkOptions link;

    @Mixin
    AdminOptions admin;

    @Option(names = "--clients", paramLabel = "N", description = "create N clients in the EMS at --ems, with")
    Integer clients;

    @Option(
            names = "--devices-per-client",
            defaultValue = "1",
            paramLabel = "M",
            description = "M devices each (in --zone, limit 2 kWh)")
    int perClient;

    @Option(names = "--own-credentials", description = "each created device sends with a meter credential of its own")
    boolean ownCredentials;

    @Option(
            names = "--faults",
            paramLabel = "FAULTS",
            description = "faults by probability per reading, e.g. duplicate=0.1,reorder=0.05,late=0.02:PT2H,"
                    + "reset=0.001,gap=0.01:PT3H,skew=PT5M,surge=0.01:x5,poison=0.001")
    String faults;

    @Option(names = "--seed", defaultValue = "1", description = "the faults' seed: the same seed, the same run")
    long seed;

    @Option(names = "--dst", description = "start at midnight of the next DST change day in --zone")
    boolean dst;

    @Option(
            names = "--zone",
            defaultValue = "Europe/Bucharest",
            description = "the zone of --dst and of created clients (default ${DEFAULT-VALUE})")
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

    @Option(
            names = Scenario.OPTION,
            paramLabel = "FILE",
            description = "a scenario (YAML or JSON, one key per option); the command line's options win")
    Path scenario;

    public static void main(String[] args) throws java.io.IOException {
        System.exit(commandLine().execute(Scenario.expand(args)));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Simulate()).setOverwrittenOptionsAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("simulate: " + (e.getMessage() == null ? e : e.getMessage()));
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        if (admin.check() != null) {
            return LedgerCheck.run(admin.check(), link.emsUrl(), admin.user(), admin.password(), System.out);
        }
        Fleet fleet = clients != null
                ? Fleet.created(
                        link.emsUrl(), admin.user(), admin.password(), clients, perClient, ownCredentials, zone, "2")
                : devices.isEmpty() && load == null && admin.given()
                        ? Fleet.existing(link.emsUrl(), admin.user(), admin.password()) // the EMS under test as it is
                        : new Fleet(List.of(), Map.of());
        devices.addAll(fleet.devices());
        if (devices.isEmpty() && load == null) {
            throw new IllegalArgumentException("give at least one --device <uuid>, --admin-password for the fleet of "
                    + "the EMS at --ems, or --load for load mode");
        }
        if (batch < 1 || batch > org.ems.contracts.reading.MeterReadingCodec.MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be 1 to 1000, not " + batch);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be above 0");
        }
        Duration step = Durations.parse(interval);
        FaultPlan chosen = FaultPlan.parse(faults, seed);
        Instant first = start != null
                ? instant(start)
                : dst
                        ? MeterStream.nextDstDay(ZoneId.of(zone))
                        : Instant.ofEpochSecond(Instant.now().getEpochSecond() / step.toSeconds() * step.toSeconds());
        LoadProfile base = csv == null ? LoadProfile.bundled() : LoadProfile.load(csv);
        LoadMix mix = LoadMix.parse(shape);
        Path home = EmsHome.path();
        if (load != null) {
            if (load < 1 || !(rate > 0) || threads < 1) {
                throw new IllegalArgumentException("--load, --rate and --threads must be above 0");
            }
            System.out.printf("load: %d meters, %,.0f readings/s, batch %d, to %s%n", load, rate, batch, link.target());
            new LoadRun(
                            LoadRun.fixedMeters(load),
                            base.shaped(mix.single(), step),
                            first,
                            step,
                            rate,
                            Durations.parse(loadDuration),
                            threads,
                            batch,
                            acknowledged -> open(home, acknowledged),
                            System.out)
                    .run();
            return 0;
        }
        long last = count != null ? count : loop ? Long.MAX_VALUE : base.size();
        var profiles = mix.profiles(base, step);
        List<MeterStream> meters = devices.stream()
                .distinct()
                .map(d -> new MeterStream(d, profiles.apply(d), first, step, chosen))
                .toList();

        Path stateDir = state != null ? state : home.resolve("simulator");
        if (fresh) {
            EmsHome.deleteTree(stateDir);
        }
        String runKey = devices.stream().distinct().sorted().map(UUID::toString).collect(Collectors.joining(",")) + "@"
                + first + "/" + step;
        try (MeterLink meterLink =
                fleet.passwords().isEmpty() ? link.open(home, null) : link.openEach(fleet.passwords())) {
            Replay replay = new Replay(
                    meters,
                    step,
                    speed,
                    last,
                    stateDir,
                    runKey,
                    meterLink,
                    MeterLink.Format.valueOf(format.toUpperCase(Locale.ROOT)),
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
                    meters.size(), first, step, speed, link.target());
            int left = replay.run();
            System.out.printf(
                    "%d readings acknowledged by the broker%s%n",
                    replay.sent(), left == 0 ? "" : ", " + left + " kept in " + stateDir + " for the next run");
            return left == 0 ? 0 : 1;
        }
    }

    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--start must be an ISO instant such as 2026-03-29T00:00:00Z, not '" + text + "'");
        }
    }

    private MeterLink open(Path home, MeterLink.Acknowledgements acknowledged) {
        try {
            return link.open(home, acknowledged);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
