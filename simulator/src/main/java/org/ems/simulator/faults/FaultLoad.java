package org.ems.simulator.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ems.contracts.reading.MeterReading;
import org.ems.simulator.meter.BrokerLink;
import org.ems.simulator.meter.MeterLink;
import org.ems.simulator.meter.Outgoing;

/**
 * The fault run's meters: readings of many devices at a set rate, every 5 minutes of meter time, from 2026-01-01 on;
 * every third meter sends in a shuffled order (windows of four); 5% of readings are sent again at once without a
 * duplicate id, 5% again much later with their duplicate id (beyond the broker's duplicate cache), and 0.1% of
 * messages are malformed. A message is sent until the broker acknowledges it (through broker and Payara restarts),
 * and only then counts in the ledger: the books EMS must match. Each device's messages go through one of
 * {@value #SENDERS} connections, so an in-order meter stays in order.
 */
public final class FaultLoad implements AutoCloseable {

    static final Instant METER_START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final int SENDERS = 8;

    /** The acknowledged readings of each device: timestamp to register (kWh). */
    final Map<UUID, NavigableMap<Instant, BigDecimal>> ledger = new ConcurrentHashMap<>();

    /** The malformed messages the broker acknowledged. */
    final Set<String> malformed = ConcurrentHashMap.newKeySet();

    private final List<UUID> devices;
    private final int lateAfter;
    private final Random random = new Random(20261201);
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final Map<UUID, Meter> meters = new ConcurrentHashMap<>();
    /** Readings to send again later (the generator's own). */
    private final Deque<Late> late = new ArrayDeque<>();

    private volatile double rate;
    private volatile boolean paused;
    private volatile boolean closed;
    private long generated;

    private record Late(Outgoing reading, long due) {}

    /** One meter's register and, for a shuffling meter, the readings it holds back. */
    private static final class Meter {
        final boolean shuffles;
        long step;
        BigDecimal register;
        final Deque<MeterReading> window = new ArrayDeque<>();

        Meter(boolean shuffles, BigDecimal register) {
            this.shuffles = shuffles;
            this.register = register;
        }
    }

    /**
     * @param lateAfter messages after which a late duplicate is resent: beyond the broker's duplicate cache
     */
    FaultLoad(String brokerUrl, String user, String password, List<UUID> devices, double rate, int lateAfter) {
        this.devices = List.copyOf(devices);
        this.rate = rate;
        this.lateAfter = lateAfter;
        for (int i = 0; i < devices.size(); i++) {
            meters.put(devices.get(i), new Meter(i % 3 == 2, BigDecimal.valueOf(1000 + i, 0)));
        }
        for (int i = 0; i < SENDERS; i++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2_000);
            queues.add(queue);
            BrokerLink link = new BrokerLink(brokerUrl, user, password);
            Thread sender = new Thread(() -> send(queue, link), "fault-sender-" + i);
            sender.setDaemon(true);
            threads.add(sender);
        }
        Thread generator = new Thread(this::generate, "fault-meters");
        generator.setDaemon(true);
        threads.add(generator);
        threads.forEach(Thread::start);
    }

    void rate(double readingsPerSecond) {
        rate = readingsPerSecond;
    }

    /** Stops generating and returns once every generated message is acknowledged by the broker. */
    void pauseAndFlush() throws InterruptedException {
        synchronized (this) {
            paused = true; // the generator is between two readings: nothing more is enqueued
        }
        while (inFlight.get() > 0) {
            Thread.sleep(50);
        }
    }

    void resume() {
        paused = false;
    }

    long acknowledged() {
        return ledger.values().stream().mapToLong(Map::size).sum();
    }

    /** Sends that failed (broker away, restarting) and were retried. */
    long failedSends() {
        return failedSends.get();
    }

    private void generate() {
        double budget = 0;
        long last = System.nanoTime();
        int next = 0;
        try {
            while (!closed) {
                long now = System.nanoTime();
                budget = Math.min(budget + rate * (now - last) / 1e9, rate); // at most a second's worth at once
                last = now;
                if (paused || budget < 1) {
                    Thread.sleep(5);
                    continue;
                }
                budget--;
                UUID device = devices.get(next);
                next = (next + 1) % devices.size();
                synchronized (this) {
                    if (!paused) {
                        generate(device);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One step of one meter: its next reading, perhaps a copy, a malformed message, and late copies now due. */
    private void generate(UUID device) throws InterruptedException {
        Outgoing reading = nextReading(device);
        enqueue(device, reading);
        int dice = random.nextInt(100);
        if (dice < 5) {
            enqueue(device, new Outgoing(reading.reading(), null)); // a copy without id: reaches EMS
        } else if (dice < 10) {
            late.add(new Late(reading, generated + lateAfter));
        }
        if (random.nextInt(1000) == 0) {
            enqueue(
                    device,
                    "{\"deviceId\":\"" + device + "\",\"timestamp\":\"malformed-" + generated + "\",\"kwh\":1}");
        }
        while (!late.isEmpty() && late.peekFirst().due() <= generated) {
            Late due = late.pollFirst();
            enqueue(due.reading().reading().deviceId(), due.reading());
        }
    }

    /** The meter's next reading to send (a shuffling meter's come from its window of four). */
    private Outgoing nextReading(UUID device) {
        Meter meter = meters.get(device);
        if (meter.window.isEmpty()) {
            List<MeterReading> window = new ArrayList<>();
            for (int i = 0; i < (meter.shuffles ? 4 : 1); i++) {
                meter.register = meter.register.add(BigDecimal.valueOf(50 + random.nextInt(151), 3));
                window.add(new MeterReading(
                        device, METER_START.plus(INTERVAL.multipliedBy(meter.step++)), meter.register));
            }
            Collections.shuffle(window, random);
            meter.window.addAll(window);
        }
        return Outgoing.of(meter.window.pollFirst());
    }

    /** Hands a reading ({@link Outgoing}) or a raw text to the device's connection. */
    private void enqueue(UUID device, Object message) throws InterruptedException {
        generated++;
        inFlight.incrementAndGet();
        queues.get(Math.floorMod(device.hashCode(), SENDERS)).put(message);
    }

    private void send(BlockingQueue<Object> queue, BrokerLink link) {
        try (link) {
            while (!closed) {
                Object next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                while (!closed) {
                    try {
                        if (next instanceof Outgoing reading) {
                            link.send(List.of(reading), MeterLink.Format.EMS, 1);
                            MeterReading r = reading.reading();
                            ledger.computeIfAbsent(r.deviceId(), d -> new ConcurrentSkipListMap<>())
                                    .put(r.timestamp(), r.kwh());
                        } else {
                            link.sendText((String) next);
                            malformed.add((String) next);
                        }
                        break;
                    } catch (MeterLink.Unreachable brokerAway) {
                        failedSends.incrementAndGet();
                        Thread.sleep(500); // the same message again, with the same duplicate id
                    }
                }
                inFlight.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
