package org.ems.simulator.meter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ems.contracts.reading.InvalidReadingException;
import org.ems.contracts.reading.MeterReadingCodec;

/**
 * Store and forward: every reading is written here (and forced to disk) before it is sent, and leaves only once the
 * broker has acknowledged it. A simulator stopped or cut off from the broker resumes from what is left.
 * File {@code outbox.log} holds one line per reading ({@code <duplicate id or ->} TAB {@code <reading JSON>}; a poison
 * message is the reading it names, its id starting {@code poison/});
 * {@code outbox.offset} the byte offset up to which all are acknowledged.
 */
public final class Outbox implements AutoCloseable {

    private final Path log;
    private final Path offsetFile;
    private final FileChannel channel;
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private long committed;

    /** A stored reading and the log offset just after it. */
    public record Entry(Outgoing outgoing, long end) {}

    private Outbox(Path log, Path offsetFile, FileChannel channel, long committed) {
        this.log = log;
        this.offsetFile = offsetFile;
        this.channel = channel;
        this.committed = committed;
    }

    public static Outbox open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path log = directory.resolve("outbox.log");
        Path offsetFile = directory.resolve("outbox.offset");
        long committed = Files.exists(offsetFile)
                ? Long.parseLong(Files.readString(offsetFile).trim())
                : 0;
        FileChannel channel =
                FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Outbox outbox = new Outbox(log, offsetFile, channel, committed);
        outbox.loadPending();
        channel.position(channel.size());
        return outbox;
    }

    private void loadPending() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        long position = committed;
        int from = (int) committed;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, from, i - from, StandardCharsets.UTF_8);
                position = i + 1;
                pending.add(new Entry(parse(line), position));
                from = i + 1;
            }
        }
        if (from < bytes.length) {
            channel.truncate(position); // a line cut short by a crash was never acknowledged nor complete
        }
    }

    private static Outgoing parse(String line) throws IOException {
        int tab = line.indexOf('\t');
        String id = line.substring(0, tab);
        try {
            var reading =
                    MeterReadingCodec.decode(line.substring(tab + 1)).readings().get(0);
            return new Outgoing(reading, id.equals("-") ? null : id, id.startsWith(Outgoing.POISON_ID));
        } catch (InvalidReadingException e) {
            throw new IOException("corrupt outbox line: " + line, e);
        }
    }

    public synchronized void append(List<Outgoing> outgoing) throws IOException {
        if (outgoing.isEmpty()) {
            return;
        }
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        List<Entry> entries = new ArrayList<>(outgoing.size());
        long end = channel.position();
        for (Outgoing o : outgoing) {
            byte[] line = ((o.duplicateId() == null ? "-" : o.duplicateId()) + "\t"
                            + MeterReadingCodec.encode(o.reading()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            lines.write(line, 0, line.length);
            end += line.length;
            entries.add(new Entry(o, end));
        }
        channel.write(java.nio.ByteBuffer.wrap(lines.toByteArray()));
        channel.force(false);
        pending.addAll(entries);
        notifyAll();
    }

    /** Up to {@code max} of the oldest unacknowledged readings, waiting up to {@code millis} for one. */
    public synchronized List<Entry> peek(int max, long millis) throws InterruptedException {
        if (pending.isEmpty() && millis > 0) {
            wait(millis);
        }
        List<Entry> out = new ArrayList<>(Math.min(max, pending.size()));
        for (Entry e : pending) {
            if (out.size() == max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The broker has these (the oldest pending ones): they leave the outbox. */
    public synchronized void acknowledge(List<Entry> sent) throws IOException {
        for (int i = 0; i < sent.size(); i++) {
            pending.removeFirst();
        }
        committed = sent.get(sent.size() - 1).end();
        if (pending.isEmpty()) {
            // all acknowledged: start the log afresh rather than let it grow for ever
            channel.truncate(0);
            channel.position(0);
            committed = 0;
        }
        Path tmp = offsetFile.resolveSibling("outbox.offset.tmp");
        Files.writeString(tmp, Long.toString(committed));
        Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public synchronized int size() {
        return pending.size();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
