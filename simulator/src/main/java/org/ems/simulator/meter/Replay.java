package org.ems.simulator.meter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays meters in real time: step {@code i} of every meter is taken at wall time {@code i * interval / speed}
 * after the start and written to the outbox; a sender thread forwards the outbox to the broker, in order, whenever it
 * is reachable, and records each acknowledged reading in the ledger. The next step to take is kept in
 * {@code progress.properties}, so a stopped simulator resumes where it stopped.
 */
public final class Replay {

    private final List<MeterStream> meters;
    private final Duration wallPerStep;
    private final long lastStep; // exclusive; Long.MAX_VALUE: for ever
    private final Path state;
    private final String runKey;
    private final MeterLink broker;
    private final MeterLink.Format format;
    private final int batch;
    private final Path ledger;
    private final PrintStream console;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile boolean paused;
    private volatile Listener listener = new Listener() {};
    private final AtomicLong sent = new AtomicLong();
    private volatile String brokerState = "connecting";

    public Replay(
            List<MeterStream> meters,
            Duration interval,
            double speed,
            long lastStep,
            Path state,
            String runKey,
            MeterLink broker,
            MeterLink.Format format,
            int batch,
            Path ledger,
            PrintStream console) {
        this.meters = meters;
        this.wallPerStep = Duration.ofNanos((long) (interval.toNanos() / speed));
        this.lastStep = lastStep;
        this.state = state;
        this.runKey = runKey;
        this.broker = broker;
        this.format = format;
        this.batch = batch;
        this.ledger = ledger;
        this.console = console;
    }

    /** Told what the sender does; called on the sender thread. */
    public interface Listener {
        default void acknowledged(List<Outgoing> readings) {}

        default void brokerState(String state) {}
    }

    public void listen(Listener listener) {
        this.listener = listener;
    }

    public void requestStop() {
        stop.set(true);
    }

    /** Paused, no meter takes readings; meter time resumes where it stopped. */
    public void pause(boolean pause) {
        paused = pause;
    }

    public long sent() {
        return sent.get();
    }

    /** Runs until the last step is sent (or a stop is requested); returns the readings left in the outbox. */
    public int run() throws IOException, InterruptedException {
        try (Outbox outbox = Outbox.open(state)) {
            long first = nextStep();
            Thread sender = new Thread(() -> forward(outbox), "simulator-sender");
            sender.start();
            long t0 = System.nanoTime();
            long lastReport = t0;
            long pausedNanos = 0;
            for (long i = first; i < lastStep && !stop.get(); i++) {
                while (paused && !stop.get()) {
                    Thread.sleep(50);
                    pausedNanos += 50_000_000L;
                }
                long due = t0 + pausedNanos + wallPerStep.toNanos() * (i - first);
                while (!stop.get() && System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, Math.min(200, (due - System.nanoTime()) / 1_000_000)));
                }
                if (stop.get()) {
                    break;
                }
                List<Outgoing> step = new ArrayList<>();
                for (MeterStream meter : meters) {
                    step.addAll(meter.step(i));
                }
                if (i + 1 == lastStep) {
                    meters.forEach(m -> step.addAll(m.flush()));
                }
                outbox.append(step);
                saveProgress(i + 1);
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    console.printf(
                            "step %d: %d readings acknowledged, %d buffered, broker %s%n",
                            i, sent.get(), outbox.size(), brokerState);
                }
            }
            // Let the sender drain what is buffered; once a stop is requested, for a few seconds only.
            long stopSeen = 0;
            while (outbox.size() > 0) {
                if (stop.get()) {
                    stopSeen = stopSeen == 0 ? System.nanoTime() : stopSeen;
                    if (System.nanoTime() - stopSeen > 5_000_000_000L) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            stop.set(true);
            sender.join();
            return outbox.size();
        }
    }

    private void forward(Outbox outbox) {
        long backoff = 250;
        try (Writer ledgerOut = ledger == null
                ? Writer.nullWriter()
                : Files.newBufferedWriter(
                        ledger, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                List<Outbox.Entry> entries = outbox.peek(Math.max(batch, 100), 100);
                if (entries.isEmpty()) {
                    if (stop.get()) {
                        return;
                    }
                    continue;
                }
                try {
                    broker.send(entries.stream().map(Outbox.Entry::outgoing).toList(), format, batch);
                } catch (MeterLink.Unreachable e) {
                    if (!"unreachable".equals(brokerState)) {
                        console.println("broker unreachable (" + e.getMessage() + "); buffering readings");
                        listener.brokerState("unreachable");
                    }
                    brokerState = "unreachable";
                    if (stop.get() && outbox.size() > 0) {
                        return; // stopping: what is left stays in the outbox for the next run
                    }
                    Thread.sleep(backoff);
                    backoff = Math.min(5_000, backoff * 2);
                    continue;
                }
                if (!"connected".equals(brokerState)) {
                    console.println("broker connected");
                    listener.brokerState("connected");
                }
                brokerState = "connected";
                backoff = 250;
                for (Outbox.Entry entry : entries) {
                    ledgerOut.write(ledgerLine(entry.outgoing()));
                }
                ledgerOut.flush();
                outbox.acknowledge(entries);
                sent.addAndGet(entries.size());
                listener.acknowledged(
                        entries.stream().map(Outbox.Entry::outgoing).toList());
            }
        } catch (IOException | InterruptedException e) {
            console.println("simulator: sending stopped: " + e);
        }
    }

    /**
     * The ledger's line of what EMS acknowledged: {@code deviceId,timestamp,kwh} of a reading; of a poison message,
     * {@code deviceId,timestamp,dead-letter} (or {@code refused}, when EMS refuses it at once).
     */
    private String ledgerLine(Outgoing sent) {
        var r = sent.reading();
        String what = !sent.poison()
                ? r.kwh().toPlainString()
                : broker.refusesMalformed() ? LEDGER_REFUSED : LEDGER_DEAD_LETTER;
        return r.deviceId() + "," + r.timestamp() + "," + what + "\n";
    }

    /** The ledger's word for a poison message EMS must dead-letter. */
    public static final String LEDGER_DEAD_LETTER = "dead-letter";

    /** The ledger's word for a poison message EMS refused at once (HTTP 400). */
    public static final String LEDGER_REFUSED = "refused";

    private long nextStep() throws IOException {
        Path file = state.resolve("progress.properties");
        if (!Files.exists(file)) {
            return 0;
        }
        Properties progress = new Properties();
        try (var in = Files.newInputStream(file)) {
            progress.load(in);
        }
        if (!runKey.equals(progress.getProperty("run"))) {
            throw new IllegalArgumentException("the state directory " + state + " belongs to another run ("
                    + progress.getProperty("run") + "); use --fresh to discard it or --state for another one");
        }
        return Long.parseLong(progress.getProperty("next"));
    }

    private void saveProgress(long next) throws IOException {
        Properties progress = new Properties();
        progress.setProperty("run", runKey);
        progress.setProperty("next", Long.toString(next));
        Path tmp = state.resolve("progress.properties.tmp");
        try (var out = Files.newOutputStream(tmp)) {
            progress.store(out, "simulator progress: the next step to take");
        }
        Files.move(
                tmp,
                state.resolve("progress.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
