package org.ems.simulator.meter;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ems.contracts.reading.MeterReading;

/**
 * Load mode: many meters sending as fast as a target rate allows, for benchmarks. Meter time advances one interval
 * per reading of a meter, so hours fill up quickly. Readings go straight to the broker (no outbox: its disk writes
 * would be what is measured), sent asynchronously with at most {@link MeterLink#inFlight()} messages per connection
 * awaiting their acknowledgement; only acknowledged readings are counted.
 */
public final class LoadRun {

    private final List<MeterStream> meters = new ArrayList<>();
    private final double rate;
    private final Duration duration;
    private final int threads;
    private final int batch;
    private final LinkFactory links;
    private final PrintStream console;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private LongSupplier done = sent::get;
    private long ahead = Long.MAX_VALUE;
    private long total = Long.MAX_VALUE;

    public LoadRun(
            List<UUID> meterIds,
            LoadProfile profile,
            Instant start,
            Duration interval,
            double rate,
            Duration duration,
            int threads,
            int batch,
            LinkFactory links,
            PrintStream console) {
        for (UUID id : meterIds) {
            meters.add(new MeterStream(id, profile, start, interval, FaultPlan.NONE));
        }
        this.rate = rate;
        this.duration = duration;
        this.threads = threads;
        this.batch = batch;
        this.links = links;
        this.console = console;
    }

    /**
     * Sends no more than {@code readings} ahead of what {@code done} says is processed (counted from this run's start):
     * a benchmark then measures the rate the receiver sustains, not how fast the broker fills up.
     */
    public LoadRun ahead(long readings, LongSupplier done) {
        this.ahead = readings;
        this.done = done;
        return this;
    }

    /** Ends the run once {@code readings} are sent (before its duration, if sooner): a fleet's fixed volume. */
    public LoadRun total(long readings) {
        this.total = readings;
        return this;
    }

    /** {@code count} meter ids, the same every run, so a benchmark can look them up. */
    public static List<UUID> fixedMeters(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            ids.add(UUID.nameUUIDFromBytes(("ems-load-meter-" + j).getBytes(StandardCharsets.UTF_8)));
        }
        return ids;
    }

    /** A connection whose acknowledgements go to the listener. */
    public interface LinkFactory {
        MeterLink open(MeterLink.Acknowledgements acknowledged);
    }

    /** The readings the broker acknowledged. */
    public long acknowledged() {
        return sent.get();
    }

    /** Messages whose send failed (their readings were not sent again). */
    public long failures() {
        return failures.get();
    }

    /**
     * What this run sent, by meter and time: as a ledger, for the checker; every reading only when no send failed.
     */
    public Map<UUID, NavigableMap<Instant, BigDecimal>> ledger() {
        Map<UUID, NavigableMap<Instant, BigDecimal>> sent = new LinkedHashMap<>();
        for (long n = 0; n < Math.min(next.get(), total); n++) {
            MeterReading reading = reading(n);
            sent.computeIfAbsent(reading.deviceId(), d -> new TreeMap<>()).put(reading.timestamp(), reading.kwh());
        }
        return sent;
    }

    /**
     * The run's {@code n}-th reading. Message {@code c} (readings {@code c * batch} on) holds one meter's next
     * {@code batch} readings, meter {@code c mod M} of {@code M}: one reading of each meter in turn when a message
     * holds one, a meter's backlog (as a head-end system sends it) when it holds more.
     */
    private MeterReading reading(long n) {
        long message = n / batch;
        long step = message / meters.size() * batch + n % batch;
        return meters.get((int) (message % meters.size())).reading(step);
    }

    /** Runs for the duration; returns the readings the broker acknowledged. */
    public long run() throws InterruptedException {
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> work(t0, end), "load-" + t);
            worker.start();
            workers.add(worker);
        }
        long reported = 0;
        while (System.nanoTime() < end && workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1_000);
            long now = sent.get();
            console.printf("%,d readings/s (target %,.0f), %,d in all%n", now - reported, rate, now);
            reported = now;
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        console.printf(
                "achieved %,.0f readings/s on average over %.1f s (%,d readings, %d meters, batch %d, %d threads)%n",
                sent.get() / seconds, seconds, sent.get(), meters.size(), batch, threads);
        return sent.get();
    }

    private void work(long t0, long end) {
        double perThread = rate / threads;
        long mine = 0;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(0); // the link's, once open
        MeterLink.Acknowledgements acknowledged = new MeterLink.Acknowledgements() {
            @Override
            public void acknowledged(int readings) {
                sent.addAndGet(readings);
                inFlight.release();
            }

            @Override
            public void failed(Exception e) {
                failures.incrementAndGet();
                console.println("send failed: " + e.getMessage());
                inFlight.release();
            }
        };
        try (MeterLink link = links.open(acknowledged)) {
            inFlight.release(link.inFlight());
            while (System.nanoTime() < end && next.get() < total) {
                long due = t0 + (long) (mine / perThread * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                while (sent.get() - done.getAsLong() > ahead && System.nanoTime() < end) {
                    Thread.sleep(1);
                }
                List<Outgoing> chunk = new ArrayList<>(batch);
                for (long n = next.getAndAdd(batch), last = Math.min(n + batch, total); n < last; n++) {
                    chunk.add(Outgoing.of(reading(n)));
                }
                if (chunk.isEmpty()) {
                    break;
                }
                try {
                    inFlight.acquire();
                    link.send(chunk, MeterLink.Format.EMS, batch);
                } catch (MeterLink.Unreachable e) {
                    failures.incrementAndGet();
                    inFlight.release();
                    console.println("send failed: " + e.getMessage());
                    Thread.sleep(500);
                }
                mine += chunk.size();
            }
            inFlight.acquire(link.inFlight()); // every acknowledgement is in
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
