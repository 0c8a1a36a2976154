package org.ems.simulator;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
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
        description = "Fault run: break EMS under load and reconcile every reading (see the README, Reliability).")
public final class FaultRun implements Callable<Integer> {

    /** The faults, in the order they are run. */
    enum Fault {
        BROKER("kill -9 the broker"),
        PAYARA("kill -9 Payara Micro"),
        POSTGRES("kill -9 PostgreSQL"),
        DATABASE("PostgreSQL frozen"),
        LAUNCHER("kill -9 the launcher, ./ems run again"),
        OVERLOAD("three times the rate");

        final String title;

        Fault(String title) {
            this.title = title;
        }
    }

    private static final List<String> ZONES = List.of("UTC", "Atlantic/Reykjavik", "Africa/Abidjan");

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
    List<Fault> faults;

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

    private Path home;
    private int httpPort;
    private int clusterPort;
    private int brokerPort;
    private final String adminPassword = "faults-" + UUID.randomUUID();
    private Process launcher;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private BenchClient ems;
    private String token;
    /** The application's broker account's password: for the broker's counts and the dead-letter queue. */
    private String appPassword;

    private Instant signedInAt;
    private final Map<String, Long> maxPssKib = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    /** The most messages seen waiting in {@code ems.readings} since the last fault began. */
    private final java.util.concurrent.atomic.AtomicLong mostWaiting = new java.util.concurrent.atomic.AtomicLong();

    /** The Artemis client's connection notices (held: JUL keeps loggers weakly). */
    private static final java.util.logging.Logger ARTEMIS = quiet("org.apache.activemq");

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
        Duration total = Simulate.duration(duration);
        Duration outage = Simulate.duration(databaseOutage);
        Duration overloadFor = Simulate.duration(overload);
        Duration timed = (faults.contains(Fault.DATABASE) ? outage : Duration.ZERO)
                .plus(faults.contains(Fault.OVERLOAD) ? overloadFor : Duration.ZERO);
        // load before and after each fault
        Duration spacing = max(Duration.ofSeconds(10), total.minus(timed).dividedBy(2L * Math.max(1, faults.size())));
        home = Files.createTempDirectory(
                work == null ? Path.of(System.getProperty("java.io.tmpdir")) : work, "ems-faults-");
        httpPort = freePort();
        brokerPort = freePort();
        clusterPort = freePort();
        int dbPort = freePort();
        System.out.printf(
                "fault run: %d instance(s), %d meters at %d readings/s, faults %s, %s apart; EMS home %s%n",
                instances, devices, rate, faults, spacing, home);
        List<Row> rows = new ArrayList<>();
        FaultLoad load = null;
        Thread sampler = null;
        Thread changes = null;
        try {
            startEms(dbPort);
            awaitConsole(0, "EMS ready at " + lastInstance(), Duration.ofMinutes(4));
            ems = new BenchClient(URI.create("http://127.0.0.1:" + httpPort + "/"));
            appPassword = generated(Simulate.appPassword(home), "broker.app.password");
            Map<UUID, BigDecimal> limits = devices();
            load = new FaultLoad(
                    brokerUrl(),
                    Simulate.defaultUser(),
                    generated(Simulate.defaultPassword(home), "broker.meter.password"),
                    List.copyOf(limits.keySet()),
                    rate,
                    3 * duplicateIds);
            sampler = daemon("fault-sampler", this::sample);
            changes = daemon("fault-device-changes", () -> changeDevices(List.copyOf(limits.keySet())));
            for (Fault fault : faults) {
                Thread.sleep(spacing.toMillis());
                mostWaiting.set(0);
                Duration recovery = inject(fault, load, outage, overloadFor);
                Thread.sleep(spacing.toMillis());
                String title = fault.title
                        + (instances > 1 && fault == Fault.PAYARA ? " (instance " + instances + ")" : "")
                        + (instances > 1 && fault == Fault.BROKER ? " (the primary)" : "")
                        + (fault == Fault.DATABASE ? " for " + databaseOutage : "")
                        + (fault == Fault.OVERLOAD ? " for " + overload : "");
                Row row = new Row(
                        title, seconds(recovery), String.format("%,d", mostWaiting.get()), reconcile(load, limits));
                rows.add(row);
                System.out.println(row);
                load.resume();
            }
            mostWaiting.set(0);
            Thread.sleep(spacing.toMillis());
            rows.add(new Row("end of the run", "", String.format("%,d", mostWaiting.get()), reconcile(load, limits)));
            running = false;
            print(rows, load);
        } finally {
            running = false;
            if (load != null) {
                load.close();
            }
            for (Thread t : new Thread[] {sampler, changes}) {
                if (t != null) {
                    t.join(10_000);
                }
            }
            stopEms();
        }
        boolean ok = rows.stream().allMatch(r -> r.check().ok());
        if (ok) {
            Simulate.deleteTree(home);
        } else {
            System.out.println("EMS home kept for the failure's story: " + home);
        }
        return ok ? 0 : 1;
    }

    /** Breaks EMS one way; returns how long it took to be ready again. */
    private Duration inject(Fault fault, FaultLoad load, Duration outage, Duration overloadFor) throws Exception {
        int from = console.size();
        Instant start = Instant.now();
        switch (fault) {
            case BROKER -> kill("run/broker.pid");
            case PAYARA -> kill(instances == 1 ? "run/micro.pid" : "run/micro-" + instances + ".pid");
            case POSTGRES -> kill("postgres/postmaster.pid");
            case DATABASE -> {
                List<ProcessHandle> postgres = EmsProcesses.of(home).get("PostgreSQL");
                signal("STOP", postgres);
                try {
                    Instant until = Instant.now().plus(outage);
                    boolean down = false;
                    while (Instant.now().isBefore(until)) {
                        down |= !ready();
                        Thread.sleep(1000);
                    }
                    if (!down) {
                        throw new IllegalStateException("/health/ready never said DOWN while PostgreSQL was frozen");
                    }
                } finally {
                    signal("CONT", postgres);
                }
                start = Instant.now();
                awaitReady();
                return Duration.between(start, Instant.now());
            }
            case LAUNCHER -> {
                List<ProcessHandle> services = EmsProcesses.of(home).values().stream()
                        .flatMap(List::stream)
                        .toList();
                launcher.destroyForcibly();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (services.stream().anyMatch(ProcessHandle::isAlive)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("services of the killed launcher still run after 60 s: "
                                + services.stream()
                                        .filter(ProcessHandle::isAlive)
                                        .toList());
                    }
                    Thread.sleep(200);
                }
                from = console.size();
                startEms(0);
                awaitConsole(from, "EMS ready at " + lastInstance(), Duration.ofMinutes(4));
                return Duration.between(start, Instant.now());
            }
            case OVERLOAD -> {
                load.rate(3.0 * rate);
                Thread.sleep(overloadFor.toMillis());
                load.rate(rate);
                start = Instant.now();
                awaitDrained();
                return Duration.between(start, Instant.now());
            }
        }
        // After the broker or PostgreSQL every instance says it, the last one last.
        awaitConsole(from, "EMS ready again at " + lastInstance(), Duration.ofMinutes(4));
        return Duration.between(start, Instant.now());
    }

    /** The URL of the last instance, whose readiness the launcher announces last. */
    private String lastInstance() {
        return "http://127.0.0.1:" + (httpPort + instances - 1) + "/";
    }

    /** Pauses the meters, waits until EMS has taken up every acknowledged message, and checks the books. */
    private Books.Result reconcile(FaultLoad load, Map<UUID, BigDecimal> limits) throws Exception {
        load.pauseAndFlush();
        awaitReady();
        awaitDrained();
        return Books.check(ems, token(), limits, load.ledger, load.malformed, deadLetters());
    }

    /** The administrator's API token, signing in again before it expires (tokens last 15 minutes). */
    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || signedInAt.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            token = ems.login("admin", adminPassword);
            signedInAt = Instant.now();
        }
        return token;
    }

    /** Two clients and the meters, in zones at UTC+0 all year, limits just above an average hour (1.5 kWh). */
    private Map<UUID, BigDecimal> devices() throws IOException, InterruptedException {
        String token = token();
        List<UUID> owners = new ArrayList<>();
        for (String name : List.of("alice", "bob")) {
            owners.add(UUID.fromString(ems.post(
                            token,
                            "api/users",
                            "{\"username\":\"" + name + "\",\"password\":\"" + adminPassword + "\",\"name\":\"" + name
                                    + "\",\"role\":\"CLIENT\"}")
                    .getString("id")));
        }
        Map<UUID, BigDecimal> limits = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < devices; i++) {
            BigDecimal limit = BigDecimal.valueOf(1550 + random.nextInt(150), 3);
            limits.put(
                    ems.device(token, "meter-" + i, limit.toPlainString(), owners.get(i % 2), ZONES.get(i % 3)), limit);
        }
        return limits;
    }

    /** Every few seconds, one device changes: its limit, name, owner or zone (among zones of the same offset). */
    private void changeDevices(List<UUID> ids) {
        Random random = new Random(11);
        List<UUID> owners = new ArrayList<>();
        int changed = 0;
        int failed = 0;
        while (running) {
            try {
                Thread.sleep(3_000);
                if (owners.isEmpty()) {
                    var users = ems.send(HttpRequest.newBuilder(ems.ems.resolve("api/users"))
                            .header("Authorization", "Bearer " + token()));
                    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(users.body()))) {
                        reader.readArray().stream()
                                .map(jakarta.json.JsonValue::asJsonObject)
                                .filter(u -> u.getString("role").equals("CLIENT"))
                                .forEach(u -> owners.add(UUID.fromString(u.getString("id"))));
                    }
                }
                UUID id = ids.get(random.nextInt(ids.size()));
                String body = String.format(
                        "{\"name\":\"meter %s\",\"description\":\"changed %d\",\"address\":\"street %d\","
                                + "\"maxHourlyKwh\":%s,\"ownerId\":\"%s\",\"timeZone\":\"%s\"}",
                        id.toString().substring(0, 8),
                        changed,
                        random.nextInt(100),
                        BigDecimal.valueOf(1000 + random.nextInt(2000), 3).toPlainString(),
                        owners.get(random.nextInt(owners.size())),
                        ZONES.get(random.nextInt(ZONES.size())));
                int status = ems.send(HttpRequest.newBuilder(ems.ems.resolve("api/devices/" + id))
                                .header("Authorization", "Bearer " + token())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)))
                        .statusCode();
                if (status == 200) {
                    changed++;
                } else {
                    failed++;
                }
            } catch (IOException | RuntimeException away) {
                failed++; // EMS is down for a fault: the admin tries again later
            } catch (InterruptedException e) {
                return;
            }
        }
        System.out.printf("  device changes during the run: %d made, %d refused while EMS was down%n", changed, failed);
    }

    /** Every second: each process's memory, and the messages waiting in the broker. */
    private void sample() {
        while (running) {
            EmsProcesses.of(home)
                    .forEach((name, processes) -> maxPssKib.merge(name, EmsProcesses.pssKib(processes), Math::max));
            try {
                mostWaiting.accumulateAndGet(waiting(), Math::max);
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
                "meters: %,d readings acknowledged by the broker, %,d malformed messages, %,d sends retried while the broker was away%n",
                load.acknowledged(), load.malformed.size(), load.failedSends());
    }

    private void startEms(int dbPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", // as ./ems run
                "-Dems.dist=" + dist.toAbsolutePath(),
                "-cp",
                dist.toAbsolutePath().resolve("lib") + "/*",
                "org.ems.runtime.Launcher",
                "run");
        Map<String, String> env = builder.environment();
        env.put("EMS_HOME", home.toString());
        env.put("EMS_HTTP_PORT", Integer.toString(httpPort));
        env.put("EMS_BROKER_PORT", Integer.toString(brokerPort));
        env.put("EMS_CLUSTER_PORT", Integer.toString(clusterPort));
        env.put("EMS_INSTANCES", Integer.toString(instances));
        if (dbPort > 0) {
            env.put("EMS_DB_PORT", Integer.toString(dbPort));
            Files.writeString(home.resolve("faults-db-port"), Integer.toString(dbPort));
        } else {
            env.put("EMS_DB_PORT", Files.readString(home.resolve("faults-db-port")));
        }
        env.put("EMS_ADMIN_PASSWORD", adminPassword);
        env.put("EMS_BROKER_DUPLICATE_IDS", Integer.toString(duplicateIds));
        builder.redirectErrorStream(true);
        launcher = builder.start();
        Process started = launcher;
        PrintWriter log = new PrintWriter(
                Files.newBufferedWriter(
                        home.resolve("faults-console.log"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND),
                true);
        daemon("fault-console", () -> {
            try (InputStream out = started.getInputStream();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
                    log) {
                for (String line; (line = lines.readLine()) != null; ) {
                    console.add(line);
                    log.println(line);
                }
            } catch (IOException gone) {
                // the launcher ended
            }
        });
    }

    private void stopEms() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    private void awaitConsole(int from, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (console) {
                if (console.subList(Math.min(from, console.size()), console.size()).stream()
                        .anyMatch(line -> line.contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "EMS did not say '" + text + "' within " + timeout + "; console:\n" + String.join("\n", console));
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("/health/ready did not say UP within 4 minutes");
            }
            Thread.sleep(250);
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            return ems.send(HttpRequest.newBuilder(ems.ems.resolve("health/ready"))
                                    .timeout(Duration.ofSeconds(5)))
                            .statusCode()
                    == 200;
        } catch (IOException down) {
            return false;
        }
    }

    /** Waits until EMS has applied every message in {@code ems.readings} (redeliveries waiting their turn too). */
    private void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (waiting() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ems.readings did not drain within 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    /** Messages in {@code ems.readings}, delivered but not acknowledged and waiting redelivery included, as the broker
     * counts them (-1: it does not answer). */
    private long waiting() {
        return BrokerManagement.queueAttribute(
                brokerUrl(), Simulate.APP_USER, appPassword, Destinations.READINGS, "messageCount");
    }

    /** The bodies in {@code ems.readings.dlq}, browsed with the application's account. */
    private List<String> deadLetters() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (var factory = new ActiveMQConnectionFactory(brokerUrl(), Simulate.APP_USER, appPassword);
                JMSContext jms = factory.createContext();
                QueueBrowser browser = jms.createBrowser(jms.createQueue(Destinations.READINGS_DLQ))) {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                bodies.add(((TextMessage) (Message) e.nextElement()).getText());
            }
        }
        return bodies;
    }

    private void kill(String pidFile) {
        ProcessHandle process = EmsProcesses.pid(home.resolve(pidFile))
                .orElseThrow(() -> new IllegalStateException("nothing runs with the pid in " + pidFile));
        process.destroyForcibly();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** As meters see the broker: one, or the primary/backup pair with failover. */
    private String brokerUrl() {
        return instances == 1
                ? "tcp://127.0.0.1:" + brokerPort
                : "(tcp://127.0.0.1:" + brokerPort + ",tcp://127.0.0.1:" + (brokerPort + 1)
                        + ")?ha=true&reconnectAttempts=-1";
    }

    /** A broker password EMS generated into its home on the first start. */
    private String generated(String password, String name) throws IOException {
        if (password == null) {
            throw new IOException("no " + name + " in " + home);
        }
        return password;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? a : b;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
