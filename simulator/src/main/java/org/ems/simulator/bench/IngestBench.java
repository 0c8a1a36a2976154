package org.ems.simulator.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.client.EmsHome;
import org.ems.simulator.meter.BrokerLink;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.LoadRun;
import org.ems.simulator.meter.MeterEndpoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ems bench ingest}: drives readings of many devices through the real broker into a running EMS as a fleet
 * does ({@code --producers} connections sending each device's readings in order, as fast as the broker accepts them,
 * unless {@code --ahead} caps how far they may run ahead of what EMS has stored), and prints readings/s end to end
 * (from the first send until {@code ems_readings_stored_total} on {@code /metrics} counts them all: stored and booked
 * in the hourly totals, committed; then the checker of {@code ./ems simulate --check} compares every device-hour with
 * what was sent) beside the rate at which the broker accepted them from the same producers, for single-reading
 * messages, measured against the ceilings of the same run ({@link BrokerCeiling}), and for batches; then the alert latency (reading sent until the alert arrives on the
 * owner's {@code /ws/alerts}) under background load; and the CPU and resident memory of each EMS process in every
 * phase.
 */
@Command(
        name = "ems bench ingest",
        mixinStandardHelpOptions = true,
        description = "Benchmark of ingestion and alerts against a running EMS (./ems bench ingest starts one).")
public final class IngestBench implements java.util.concurrent.Callable<Integer> {

    static final Duration INTERVAL = Duration.ofMinutes(10);
    static final Instant METER_START = Instant.parse("2030-01-01T00:00:00Z");

    /** MeterReadingConsumer's maxSession. */
    static final int EMS_SESSIONS = 64;

    @Mixin
    BenchTarget target;

    @Option(names = "--devices", defaultValue = "100", description = "devices sending (default: ${DEFAULT-VALUE})")
    int devices;

    @Option(
            names = "--producers",
            defaultValue = "1",
            description = "connections sending, each device's readings in order on one (default: ${DEFAULT-VALUE})")
    int producers;

    @Option(
            names = "--readings",
            defaultValue = "1000",
            description = "readings of each device per phase: the phase's volume (default: ${DEFAULT-VALUE})")
    long readings;

    @Option(
            names = "--batch-readings",
            defaultValue = "10000",
            description = "readings of each device in the batch phase (default: ${DEFAULT-VALUE}: the phase's volume"
                    + " is ten times the single-reading phase's, so that it lasts as long)")
    long batchReadings;

    @Option(
            names = "--duration",
            defaultValue = "120",
            description = "seconds of sending per phase at most (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--ahead",
            defaultValue = "0",
            description = "readings the load may be ahead of what EMS has stored; 0: no limit, as fast as the broker"
                    + " accepts, as meters send (default: ${DEFAULT-VALUE})")
    long ahead;

    @Option(
            names = "--warmup",
            defaultValue = "15",
            description = "seconds of unmeasured single-reading load first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--alerts", defaultValue = "200", description = "alerts measured (default: ${DEFAULT-VALUE})")
    int alerts;

    @Option(
            names = "--background",
            defaultValue = "1000",
            description = "readings/s of background load while alerts are measured (default: ${DEFAULT-VALUE})")
    double background;

    @Option(
            names = "--protocols",
            split = ",",
            defaultValue = "jms",
            paramLabel = "PROTOCOL",
            converter = org.ems.simulator.client.LinkOptions.Protocol.class,
            description = "how meters send the throughput phases, each measured in turn: jms, mqtt, http "
                    + "(default: ${DEFAULT-VALUE}; the ceilings and alerts are measured over JMS)")
    List<MeterProtocol> protocols;

    @Option(
            names = "--profile",
            paramLabel = "DIR",
            description = "profile each throughput phase and the alerts: JFR recordings of EMS's JVMs into DIR,"
                    + " statement statistics; prints where a message's time goes")
    Path profileDir;

    @Option(
            names = "--stored-readings",
            defaultValue = "0",
            paramLabel = "N",
            description = "then fill the readings table by SQL with N readings of other meters in the batch phase's"
                    + " months (100000000: a hundred million) and measure the batch phase again over them (default:"
                    + " ${DEFAULT-VALUE}, not)")
    long storedReadings;

    private EmsClient client;
    private String token;
    private LoadProfile profile;
    private ThroughputPhase phase;

    public static void main(String[] args) {
        // As in Payara Micro (see the launcher): the ceiling's 64 consumer sessions need as many delivery threads.
        System.setProperty("activemq.artemis.client.global.thread.pool.max.size", "128");
        System.exit(new CommandLine(new IngestBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (BenchTarget started = target) {
            started.start();
            return measure();
        }
    }

    private int measure() throws Exception {
        String meterPassword = EmsHome.meterPassword(target.home);
        profile = LoadProfile.bundled();
        client = new EmsClient(target.ems, target.instances);
        token = client.login("admin", target.adminPassword);
        String owner = "bench-owner";
        UUID ownerId = UUID.fromString(client.post(
                        token,
                        "api/users",
                        "{\"username\":\"" + owner + "\",\"password\":\"" + owner
                                + "-password\",\"name\":\"Bench\",\"role\":\"CLIENT\",\"timeZone\":\"UTC\"}")
                .getString("id"));
        UUID alerting = client.device(token, "bench alerting meter", "0.001", ownerId, "UTC");

        System.out.printf(
                "EMS %s (%d instance(s)), %d devices, %,d readings each per phase (%,d in batches; at most %d s of"
                        + " sending), %d producer(s), %s; machine: %d cores, %s%n",
                target.ems,
                target.instances,
                devices,
                readings,
                batchReadings,
                seconds,
                producers,
                ahead == 0 ? "open loop" : "at most " + ahead + " readings ahead of EMS",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        Optional<PhaseProfile> profiler =
                profileDir == null ? Optional.empty() : Optional.of(new PhaseProfile(target, profileDir));
        phase = new ThroughputPhase(target, client, token, profile, producers, ahead, profiler);
        LoadRun.LinkFactory jms = links(MeterProtocol.JMS, meterPassword);
        StoredReadings.makeMonths(
                target, METER_START, METER_START.plus(INTERVAL.multipliedBy(Math.max(readings, batchReadings))));
        // Each phase its own devices: the meter time of a phase starts anew.
        // The JVMs compile the hot paths first: measured on a cold EMS, the first phase read a third lower.
        phase.run("warm-up (single-reading messages, not measured)", meters("warm-up"), readings, 1, warmup, jms);
        double broker = ceiling(BrokerCeiling.Kind.BROKER_ALONE, meters("ceiling"));
        double mdb = ceiling(BrokerCeiling.Kind.NO_WORK_MDB, meters("no-work MDB"));
        double load = ceiling(BrokerCeiling.Kind.LOAD_ALONE, meters("load alone"));
        StringBuilder table = new StringBuilder(String.format(
                "%n%-9s %40s %52s%n",
                "protocol",
                "single-reading messages/s (of accepted)",
                "batches of one meter's 100, readings/s (of accepted)"));
        for (MeterProtocol protocol : protocols) {
            LoadRun.LinkFactory links = links(protocol, meterPassword);
            String over = " over " + protocol.label();
            ThroughputPhase.Rates single = phase.run(
                    "single-reading messages" + over, meters("single " + protocol), readings, 1, seconds, links);
            System.out.printf(
                    "%nEMS's single-reading messages/s%s against the ceilings of this run: %.2f of the no-work MDB,"
                            + " %.2f of the broker alone, %.2f of the load generator alone%n",
                    over, single.endToEnd() / mdb, single.endToEnd() / broker, single.endToEnd() / load);
            ThroughputPhase.Rates batches = phase.run(
                    "batches of one meter's 100 readings" + over,
                    meters("batch " + protocol),
                    batchReadings,
                    100,
                    seconds,
                    links);
            table.append(String.format("%-9s %40s %52s%n", protocol.label(), single, batches));
            if (storedReadings > 0 && protocol == MeterProtocol.JMS) {
                table.append(StoredReadings.batchesOver(
                        storedReadings,
                        target,
                        phase,
                        meters("batch over stored"),
                        batchReadings,
                        seconds,
                        links,
                        batches));
            }
        }
        System.out.print(table);
        new AlertLatency(target, profile, background, alerts, profiler)
                .measure(meters("background"), alerting, client.login(owner, owner + "-password"), jms);
        return 0;
    }

    /** Meters sending as the gateway account over {@code protocol} (HTTP's per-meter limit is not the gateway's). */
    private LoadRun.LinkFactory links(MeterProtocol protocol, String meterPassword) {
        MeterEndpoints endpoints =
                new MeterEndpoints(target.broker, "tcp://127.0.0.1:" + target.ports.mqtt(), target.ems);
        return acknowledged -> endpoints.open(protocol, "meter", meterPassword, acknowledged);
    }

    private List<UUID> meters(String phase) throws IOException, InterruptedException {
        List<UUID> meters = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            meters.add(client.device(
                    token, "bench " + phase + " meter " + i, PhaseBooks.LIMIT.toPlainString(), null, "UTC"));
        }
        return meters;
    }

    /**
     * The single-reading phase's messages (same size, same producers, same closed loop) through EMS's broker, without
     * EMS, into a queue of the bench's own: messages/s.
     */
    private double ceiling(BrokerCeiling.Kind ceiling, List<UUID> meters) throws Exception {
        String appPassword = EmsHome.appPassword(target.home);
        String queue = ceiling == BrokerCeiling.Kind.NO_WORK_MDB ? BrokerCeiling.MDB_QUEUE : BrokerCeiling.QUEUE;
        try (BrokerCeiling run = new BrokerCeiling(target.broker, EmsHome.APP_USER, appPassword, queue)) {
            boolean consumed = ceiling != BrokerCeiling.Kind.LOAD_ALONE;
            if (ceiling == BrokerCeiling.Kind.BROKER_ALONE) {
                run.consume(EMS_SESSIONS);
            } else if (ceiling == BrokerCeiling.Kind.NO_WORK_MDB) {
                Thread.sleep(3_000); // the adapter retries its activation every 2 s until the queue exists
            }
            if (consumed) {
                run.watch();
            }
            ProcessUsage usage0 = ProcessUsage.of(target.home);
            long t0 = System.nanoTime();
            long sent = phase.load(
                            meters,
                            readings,
                            1,
                            seconds,
                            acknowledged -> new BrokerLink(
                                    target.broker,
                                    EmsHome.APP_USER,
                                    appPassword,
                                    BrokerLink.listener(acknowledged),
                                    queue),
                            consumed ? ahead : 0,
                            run.consumed::get)
                    .acknowledged();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (consumed && run.consumed.get() < sent) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the " + ceiling + " ceiling did not consume all " + sent + " messages");
                }
                Thread.sleep(10);
            }
            double total = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%nceiling, %s: %,d single-reading messages in %.1f s: %,.0f/s%n",
                    ceiling.description, sent, total, sent / total);
            usage0.printSince(total);
            return sent / total;
        }
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
