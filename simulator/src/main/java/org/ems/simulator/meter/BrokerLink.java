package org.ems.simulator.meter;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;

/**
 * The meter's connection to the broker, as any meter has it: send-only to {@code ems.readings}, persistent messages
 * that return once the broker has them, {@code JMSXGroupID} = device id and {@code _AMQ_DUPL_ID} for the broker's
 * duplicate detection. A failed send drops the connection; the next send connects again.
 */
public final class BrokerLink implements AutoCloseable {

    /** The JSON form readings are sent in. */
    public enum Format {
        EMS,
        CLASSIC
    }

    private final ActiveMQConnectionFactory factory;
    private JMSContext context;
    private Queue readings;

    /** Sends that wait for the broker's acknowledgement, one at a time. */
    public BrokerLink(String url, String user, String password) {
        this(url, user, password, null);
    }

    private final jakarta.jms.CompletionListener acknowledged;
    private final String queue;

    /**
     * With {@code acknowledged}, sends return at once and the broker's acknowledgements arrive there later (load mode:
     * many messages in flight instead of one journal sync per message).
     */
    public BrokerLink(String url, String user, String password, jakarta.jms.CompletionListener acknowledged) {
        this(url, user, password, acknowledged, Destinations.READINGS);
    }

    /** Sending to another queue than {@code ems.readings}: the benchmark's ceiling of the broker alone. */
    public BrokerLink(
            String url, String user, String password, jakarta.jms.CompletionListener acknowledged, String queue) {
        this.acknowledged = acknowledged;
        this.queue = queue;
        factory = new ActiveMQConnectionFactory(url, user, password);
        if (acknowledged != null) {
            factory.setConfirmationWindowSize(1024 * 1024);
        }
        // Fail fast while the broker is away: the outbox keeps the readings and we retry ourselves.
        factory.setReconnectAttempts(0);
        factory.setInitialConnectAttempts(1);
        factory.setCallTimeout(10_000);
    }

    /** Sends the readings, {@code batch} per message (1: one reading per message); returns when the broker has them. */
    public void send(List<Outgoing> outgoing, Format format, int batch) {
        try {
            connect();
            var producer = context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setAsync(acknowledged);
            for (int from = 0; from < outgoing.size(); from += batch) {
                List<Outgoing> part = outgoing.subList(from, Math.min(outgoing.size(), from + batch));
                TextMessage message = context.createTextMessage(body(part, format));
                message.setStringProperty(
                        "JMSXGroupID", part.get(0).reading().deviceId().toString());
                String duplicateId = part.size() == 1 ? part.get(0).duplicateId() : batchId(part);
                if (duplicateId != null) {
                    message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
                }
                producer.send(readings, message);
            }
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            close();
            throw e instanceof JMSRuntimeException r ? r : new JMSRuntimeException(e.getMessage());
        }
    }

    /** Sends a text as it is, persistent, returning once the broker has it (the fault run's malformed readings). */
    public void sendText(String body) {
        try {
            connect();
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(readings, body);
        } catch (JMSRuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() {
        if (context == null) {
            context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            readings = context.createQueue(queue);
        }
    }

    public boolean connected() {
        return context != null;
    }

    private static String body(List<Outgoing> part, Format format) {
        if (part.size() > 1) {
            return MeterReadingCodec.encodeBatch(
                    part.stream().map(Outgoing::reading).toList());
        }
        MeterReading reading = part.get(0).reading();
        return format == Format.CLASSIC ? MeterReadingCodec.encodeClassic(reading) : MeterReadingCodec.encode(reading);
    }

    /** A batch is a duplicate only of the very same batch; one holding a deliberate duplicate gets no id. */
    private static String batchId(List<Outgoing> part) {
        StringBuilder id = new StringBuilder("batch");
        for (Outgoing o : part) {
            if (o.duplicateId() == null) {
                return null;
            }
            id.append('|').append(o.duplicateId());
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "batch-" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException ignored) {
                // already broken
            }
            context = null;
        }
    }
}
