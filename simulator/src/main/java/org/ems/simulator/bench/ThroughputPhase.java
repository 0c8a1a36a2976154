package org.ems.simulator.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ems.simulator.client.EmsClient;
import org.ems.simulator.meter.LoadProfile;
import org.ems.simulator.meter.LoadRun;

/**
 * One throughput phase of {@code ./ems bench ingest}: {@code producers} connections send the phase's meters'
 * readings in order, a number of each (or until the phase's time is up), as fast as the broker accepts them
 * (or within {@code ahead} readings of what EMS has stored; 0: no limit); timed from the first send until EMS has
 * stored and booked them all, then checked hour by hour.
 */
final class ThroughputPhase {

    private final BenchTarget target;
    private final EmsClient client;
    private final String token;
    private final LoadProfile profile;
    private final int producers;
    private final long ahead;
    private final Optional<PhaseProfile> profiler;

    ThroughputPhase(
            BenchTarget target,
            EmsClient client,
            String token,
            LoadProfile profile,
            int producers,
            long ahead,
            Optional<PhaseProfile> profiler) {
        this.target = target;
        this.client = client;
        this.token = token;
        this.profile = profile;
        this.producers = producers;
        this.ahead = ahead;
        this.profiler = profiler;
    }

    /** A phase's readings/s end to end and as the broker accepted them from the producers. */
    record Rates(double endToEnd, double accepted) {
        @Override
        public String toString() {
            return String.format("%,.0f (%.2f of %,.0f)", endToEnd, endToEnd / accepted, accepted);
        }
    }

    /**
     * Readings/s end to end of one phase, {@code perDevice} readings of each meter, and the broker's accept rate of
     * its producers.
     */
    Rates run(String name, List<UUID> meters, long perDevice, int batch, int seconds, LoadRun.LinkFactory links)
            throws Exception {
        BenchTarget.awaitDeviceEvents();
        long before = stored();
        long transactions = client.counter("ems_readings_transactions_total");
        if (profiler.isPresent()) {
            profiler.get().start(name);
        }
        ProcessUsage usage0 = ProcessUsage.of(target.home);
        AtomicLong storedSince = new AtomicLong();
        Thread poller = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            storedSince.set(stored() - before);
                            Thread.sleep(1_000); // /metrics costs Payara ~10 ms of CPU a request
                        }
                    } catch (IOException | InterruptedException stopped) {
                        // the phase is over
                    }
                },
                "stored-poller");
        poller.setDaemon(true);
        poller.start();
        long t0 = System.nanoTime();
        LoadRun run = load(meters, perDevice, batch, seconds, links, ahead, storedSince::get);
        long sent = run.acknowledged();
        poller.interrupt();
        double sending = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (stored() < before + sent) {
            if (System.nanoTime() > deadline) {
                throw new IOException("EMS did not store all " + sent + " readings within 10 minutes after sending");
            }
            Thread.sleep(100);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%n%s: %,d readings sent in %.1f s (%,.0f/s accepted by the broker); all stored and booked after"
                        + " %.1f s: %,.0f readings/s end to end, %.2f of the accept rate (%.1f readings per database"
                        + " transaction)%n",
                name,
                sent,
                sending,
                sent / sending,
                total,
                sent / total,
                sending / total,
                (double) sent / Math.max(1, client.counter("ems_readings_transactions_total") - transactions));
        Map<String, Duration> cpu = usage0.printSince(total);
        if (profiler.isPresent()) {
            profiler.get().stop((sent + batch - 1) / batch, cpu);
        }
        PhaseBooks.check(client, token, run);
        return new Rates(sent / total, sent / sending);
    }

    /** The load of a phase: as fast as it goes, {@code --producers} connections, within {@code ahead} of {@code done}. */
    LoadRun load(
            List<UUID> meters,
            long perDevice,
            int batch,
            int seconds,
            LoadRun.LinkFactory links,
            long ahead,
            LongSupplier done)
            throws InterruptedException {
        LoadRun run = new LoadRun(
                        meters,
                        profile,
                        IngestBench.METER_START,
                        IngestBench.INTERVAL,
                        1_000_000,
                        Duration.ofSeconds(seconds),
                        producers,
                        batch,
                        links,
                        IngestBench.quiet())
                .ahead(ahead == 0 ? Long.MAX_VALUE : ahead, done)
                .total(meters.size() * perDevice);
        run.run();
        return run;
    }

    private long stored() throws IOException, InterruptedException {
        return client.counter("ems_readings_stored_total");
    }
}
