package org.ems.simulator.meter;

import java.util.List;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;

/**
 * A meter's way to EMS, whichever protocol it speaks ({@link BrokerLink} JMS, {@link MqttLink}, {@link HttpLink}): a
 * send returns once EMS's side holds the readings durably (or, with {@link Acknowledgements}, at once, the
 * acknowledgement following). A failed send throws {@link Unreachable} and drops the connection; the next send
 * connects again.
 */
public interface MeterLink extends AutoCloseable {

    /** The JSON form readings are sent in. */
    enum Format {
        EMS,
        CLASSIC
    }

    /** Where acknowledgements of sends that returned at once arrive (load mode: many messages in flight). */
    interface Acknowledgements {
        /** A message of {@code readings} readings is durably held. */
        void acknowledged(int readings);

        void failed(Exception e);
    }

    /** The other side cannot be reached, or refused the message. */
    final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Sends the readings, {@code batch} per message (1: one reading per message). */
    void send(List<Outgoing> outgoing, Format format, int batch);

    /** Sends a text as it is (the fault run's malformed readings). */
    void sendText(String body);

    boolean connected();

    @Override
    void close();

    /**
     * How many messages may await their acknowledgement at once in load mode: a broker takes hundreds per connection.
     */
    default int inFlight() {
        return 500;
    }

    /** Whether EMS refuses a malformed message at once (HTTP: 400) rather than dead-lettering it. */
    default boolean refusesMalformed() {
        return false;
    }

    /** The body of one message of readings (or of one poison message). */
    static String body(List<Outgoing> part, Format format) {
        if (part.get(0).poison()) {
            return Outgoing.poisonBody(
                    part.get(0).reading().deviceId(), part.get(0).reading().timestamp());
        }
        if (part.size() > 1) {
            return MeterReadingCodec.encodeBatch(
                    part.stream().map(Outgoing::reading).toList());
        }
        MeterReading reading = part.get(0).reading();
        return format == Format.CLASSIC ? MeterReadingCodec.encodeClassic(reading) : MeterReadingCodec.encode(reading);
    }

    /**
     * The parts of {@code batch} readings each that {@code outgoing} is sent in, in order; a poison message is a part
     * of its own, so that its dead letter is its body as the ledger knows it (and over HTTP, where a batch with a
     * malformed reading is refused whole, the readings beside it are not refused with it).
     */
    static List<List<Outgoing>> parts(List<Outgoing> outgoing, int batch) {
        List<List<Outgoing>> parts = new java.util.ArrayList<>();
        List<Outgoing> part = new java.util.ArrayList<>();
        for (Outgoing o : outgoing) {
            if (!part.isEmpty() && (o.poison() || part.get(0).poison() || part.size() == batch)) {
                parts.add(part);
                part = new java.util.ArrayList<>();
            }
            part.add(o);
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
