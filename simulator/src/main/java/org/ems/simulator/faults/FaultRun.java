package org.ems.simulator.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ems.simulator.check.Books;
import org.ems.simulator.client.Durations;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.client.EmsProcesses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ems faults}: starts EMS on a fresh home, streams readings of many meters into it ({@link FaultLoad}) while
 * devices change, and breaks it under load, one fault after another: the broker, Payara Micro and PostgreSQL killed
 * with -9, PostgreSQL frozen (every process stopped: connections hang, new ones time out) for minutes, the launcher
 * killed with -9 and {@code ./ems run} started again, three times the rate. After each fault and at the end it
 * reconciles the books ({@link Books}); it prints a table and exits 1 on any mismatch.
 */
@Command(
        name = "faults",
        mixinStandardHelpOptions = true,
        description = "Fault run: break EMS under load and reconcile every reading (see docs/reliability.md).")
public final class FaultRun implements Callable<Integer> {

    @Option(names = "--dist", required = true, description = "the EMS distribution (server-config/dist/target/ems)")
    Path dist;

    @Option(names = "--duration", defaultValue = "20m", description = "length of the run (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--rate", defaultValue = "100", description = "nominal readings/s (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--devices", defaultValue = "100", description = "meters (default: ${DEFAULT-VALUE})")
    int devices;

    @Option(
            names = "--faults",
            split = ",",
            defaultValue = "BROKER,PAYARA,POSTGRES,DATABASE,LAUNCHER,OVERLOAD",
            description = "which faults, in this order (default: all: ${DEFAULT-VALUE})")
    List<Disruption> faults;

    @Option(
            names = "--database-outage",
            defaultValue = "5m",
            description = "how long PostgreSQL stays frozen (default: ${DEFAULT-VALUE})")
    String databaseOutage;

    @Option(
            names = "--overload",
            defaultValue = "3m",
            description = "how long the rate is tripled (default: ${DEFAULT-VALUE})")
    String overload;

    @Option(
            names = "--duplicate-ids",
            defaultValue = "2000",
            description =
                    "the broker's duplicate-id cache in this run, so late copies outlive it (default: ${DEFAULT-VALUE})")
    int duplicateIds;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "application instances (./ems run --instances): the broker is then a primary/backup pair;"
                    + " the last instance is the one killed (default: ${DEFAULT-VALUE})")
    private int instances;

    @Option(names = "--work", description = "where the EMS home is made (default: the system's temporary directory)")
    Path work;

    private EmsUnderTest ems;
    private final Map<String, Long> maxPssKib = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    /** The most messages seen waiting in {@code ems.readings} since the last disruption began. */
    private final AtomicLong mostWaiting = new AtomicLong();

    /** The Artemis client's connection notices (held: JUL keeps loggers weakly). */
    private static final Logger ARTEMIS = quiet("org.apache.activemq");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the fault run; its exit status (0: the books reconcile). */
    public static int run(String... args) {
        return new CommandLine(new FaultRun())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    private record Row(String fault, String recovery, String inFlight, Books.Result check) {
        @Override
        public String toString() {
            return String.format(
                    "| %-38s | %-11s | %17s | %s |",
                    fault,
                    recovery,
                    inFlight,
                    (check.ok() ? "OK: " : check.mismatches().size() + " MISMATCHES: ") + check.summary());
        }
    }

    @Override
    public Integer call() throws Exception {
        Disruption.Lengths lengths =
                new Disruption.Lengths(Durations.parse(databaseOutage), Durations.parse(overload), rate);
        Duration timed = (faults.contains(Disruption.DATABASE) ? lengths.outage() : Duration.ZERO)
                .plus(faults.contains(Disruption.OVERLOAD) ? lengths.overload() : Duration.ZERO);
        // load before and after each disruption: the run's time shared out, 5 s (300 readings at 60/s) at least
        Duration spacing = max(
                Duration.ofSeconds(5),
                Durations.parse(duration).minus(timed).dividedBy(2L * Math.max(1, faults.size())));
        Path home = Files.createTempDirectory(
                work == null ? Path.of(System.getProperty("java.io.tmpdir")) : work, "ems-faults-");
        System.out.printf(
                "fault run: %d instance(s), %d meters at %d readings/s, faults %s, %s apart; EMS home %s%n",
                instances, devices, rate, faults, spacing, home);
        List<Row> rows = new ArrayList<>();
        FaultLoad load = null;
        List<Thread> helpers = new ArrayList<>();
        ems = new EmsUnderTest(dist, home, instances, duplicateIds);
        try (EmsUnderTest started = ems) {
            started.start();
            Map<UUID, BigDecimal> limits = devices();
            load = new FaultLoad(
                    ems.brokerUrl(),
                    EmsHome.meterUser(),
                    ems.meterPassword(),
                    List.copyOf(limits.keySet()),
                    rate,
                    3 * duplicateIds);
            helpers.add(daemon("fault-sampler", this::sample));
            helpers.add(daemon(
                    "fault-device-changes", new DeviceChanges(ems, List.copyOf(limits.keySet()), () -> running)));
            for (Disruption fault : faults) {
                Thread.sleep(spacing.toMillis());
                mostWaiting.set(0);
                Duration recovery = breakAndRecover(fault, load, lengths);
                Thread.sleep(spacing.toMillis());
                Row row = new Row(title(fault), seconds(recovery), waitingMost(), reconcile(load, limits));
                rows.add(row);
                System.out.println(row);
                load.resume();
            }
            mostWaiting.set(0);
            Thread.sleep(spacing.toMillis());
            rows.add(new Row("end of the run", "", waitingMost(), reconcile(load, limits)));
            running = false;
            print(rows, load);
        } finally {
            running = false;
            if (load != null) {
                load.close();
            }
            for (Thread helper : helpers) {
                helper.join(10_000);
            }
        }
        boolean ok = rows.stream().allMatch(r -> r.check().ok());
        if (ok) {
            EmsHome.deleteTree(home);
        } else {
            System.out.println("EMS home kept for the failure's story: " + home);
        }
        return ok ? 0 : 1;
    }

    /** The disruption; if EMS does not recover from it, the story goes to the table's reader before the run ends. */
    private Duration breakAndRecover(Disruption fault, FaultLoad load, Disruption.Lengths lengths) throws Exception {
        try {
            return fault.breakAndRecover(ems, load, lengths);
        } catch (Exception | AssertionError e) {
            System.out.println("| " + title(fault) + " | no recovery: " + e);
            e.printStackTrace(System.out);
            throw e;
        }
    }

    private String title(Disruption fault) {
        return fault.title
                + (instances > 1 && fault == Disruption.PAYARA ? " (instance " + instances + ")" : "")
                + (instances > 1 && fault == Disruption.BROKER ? " (the primary)" : "")
                + (fault == Disruption.DATABASE ? " for " + databaseOutage : "")
                + (fault == Disruption.OVERLOAD ? " for " + overload : "");
    }

    private String waitingMost() {
        return String.format("%,d", mostWaiting.get());
    }

    /** Pauses the meters, waits until EMS has taken up every acknowledged message, and checks the books. */
    private Books.Result reconcile(FaultLoad load, Map<UUID, BigDecimal> limits) throws Exception {
        load.pauseAndFlush();
        ems.awaitReady();
        ems.awaitDrained();
        Map<UUID, Books.Device> devices = new java.util.HashMap<>();
        limits.forEach(
                (id, limit) -> devices.put(id, new Books.Device("fault meter", java.time.ZoneOffset.UTC, limit)));
        return Books.check(ems.api(), ems.token(), devices, load.ledger, load.malformed, ems.deadLetters());
    }

    /** Two clients and the meters, in zones at UTC+0 all year, limits just above an average hour (1.5 kWh). */
    private Map<UUID, BigDecimal> devices() throws IOException, InterruptedException {
        String token = ems.token();
        List<UUID> owners = new ArrayList<>();
        for (String name : List.of("alice", "bob")) {
            owners.add(UUID.fromString(ems.api()
                    .post(
                            token,
                            "api/users",
                            "{\"username\":\"" + name + "\",\"password\":\"" + ems.adminPassword + "\",\"name\":\""
                                    + name + "\",\"role\":\"CLIENT\"}")
                    .getString("id")));
        }
        Map<UUID, BigDecimal> limits = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < devices; i++) {
            BigDecimal limit = BigDecimal.valueOf(1550 + random.nextInt(150), 3);
            String zone = DeviceChanges.ZONES.get(i % 3);
            limits.put(ems.api().device(token, "meter-" + i, limit.toPlainString(), owners.get(i % 2), zone), limit);
        }
        return limits;
    }

    /** Every second: each process's memory, and the messages waiting in the broker. */
    private void sample() {
        while (running) {
            ems.processes()
                    .forEach((name, processes) -> maxPssKib.merge(name, EmsProcesses.pssKib(processes), Math::max));
            try {
                mostWaiting.accumulateAndGet(ems.waiting(), Math::max);
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void print(List<Row> rows, FaultLoad load) {
        System.out.println();
        System.out.printf("| %-38s | %-11s | %-17s | %s |%n", "fault", "ready after", "most waiting", "books");
        System.out.println(
                "|" + "-".repeat(40) + "|" + "-".repeat(13) + "|" + "-".repeat(19) + "|" + "-".repeat(60) + "|");
        rows.forEach(System.out::println);
        for (Row row : rows) {
            row.check().mismatches().stream().limit(20).forEach(m -> System.out.println("  " + row.fault() + ": " + m));
        }
        StringBuilder memory = new StringBuilder("highest memory (PSS) during the run:");
        maxPssKib.forEach((name, kib) -> memory.append(String.format(" %s %,d MiB;", name, kib / 1024)));
        System.out.println(memory);
        System.out.printf(
                "meters: %,d readings acknowledged by the broker, %,d malformed messages, %,d sends retried while the"
                        + " broker was away%n",
                load.acknowledged(), load.malformed.size(), load.failedSends());
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? a : b;
    }
}
