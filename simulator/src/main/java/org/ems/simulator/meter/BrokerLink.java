package org.ems.simulator.meter;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.contracts.messaging.Destinations;

/**
 * The meter's JMS connection to the broker, as any meter has it: send-only to {@code ems.readings}, persistent messages
 * that return once the broker has them, {@code JMSXGroupID} = device id and {@code _AMQ_DUPL_ID} for the broker's
 * duplicate detection. A failed send drops the connection; the next send connects again.
 */
public final class BrokerLink implements MeterLink {

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
    public BrokerLink(String url, String user, String password, Acknowledgements acknowledged) {
        this(url, user, password, listener(acknowledged), Destinations.READINGS);
    }

    /** The JMS listener of a load run's acknowledgements (each message one part of the run's batch size). */
    public static jakarta.jms.CompletionListener listener(Acknowledgements acknowledged) {
        return acknowledged == null
                ? null
                : new jakarta.jms.CompletionListener() {
                    @Override
                    public void onCompletion(jakarta.jms.Message message) {
                        acknowledged.acknowledged(readingsIn(message));
                    }

                    @Override
                    public void onException(jakarta.jms.Message message, Exception e) {
                        acknowledged.failed(e);
                    }
                };
    }

    private static int readingsIn(jakarta.jms.Message message) {
        try {
            return message.getIntProperty(READINGS_PROPERTY);
        } catch (jakarta.jms.JMSException e) {
            return 1;
        }
    }

    /** How many readings a message holds, for the acknowledgements (a property EMS ignores). */
    private static final String READINGS_PROPERTY = "ems_simulator_readings";

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

    @Override
    public void send(List<Outgoing> outgoing, Format format, int batch) {
        try {
            connect();
            var producer = context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setAsync(acknowledged);
            for (List<Outgoing> part : MeterLink.parts(outgoing, batch)) {
                TextMessage message = context.createTextMessage(MeterLink.body(part, format));
                message.setIntProperty(READINGS_PROPERTY, part.size());
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
            throw new Unreachable(e.getMessage(), e);
        }
    }

    @Override
    public void sendText(String body) {
        try {
            connect();
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(readings, body);
        } catch (JMSRuntimeException e) {
            close();
            throw new Unreachable(e.getMessage(), e);
        }
    }

    private void connect() {
        if (context == null) {
            context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            readings = context.createQueue(queue);
        }
    }

    @Override
    public boolean connected() {
        return context != null;
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
