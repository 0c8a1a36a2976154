package org.ems.monitoring.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.meter.MeterIdentity;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.contracts.meter.MeterTopics;
import org.ems.contracts.reading.DecodedReadings;
import org.ems.contracts.reading.InvalidReadingException;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.monitoring.application.GroupCommit;
import org.ems.monitoring.application.RefusedData;
import org.ems.monitoring.infrastructure.metrics.IngestionMetrics;

/**
 * Consumes meter readings from {@code ems.readings}, whichever way they came ({@link MeterProtocol}: JMS text, MQTT
 * payloads as bytes, the device of an MQTT device topic filling in a reading's missing id): decodes, dead-letters the invalid ones and those a meter may not
 * report (another device's, {@link MeterIdentity}) with their reason, and
 * hands the valid ones to {@link GroupCommit}, which commits them in a database transaction of its own. The
 * message is acknowledged once that is done; anything that fails (database, broker) is thrown, so the broker
 * redelivers, with back-off and for as long as it takes (broker.xml: no limit of attempts on {@code ems.readings}):
 * a database outage of any length dead-letters nothing. Only readings whose data the database itself keeps refusing
 * ({@link RefusedData}) are dead-lettered, after {@value #REFUSALS} deliveries, with the database's reason.
 * Delivery is at least once, the effect exactly once: applying readings again changes nothing.
 * (No XA transaction around it: its two-phase commit cost two journal syncs per message, a fifth of the throughput.)
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.READINGS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            // More messages in flight make larger group commits: 64 sessions gave 15 readings a transaction and
            // 1,121 messages/s against 4.7 and 756/s with 16 (./ems bench ingest). The Artemis client's delivery
            // threads (launcher: -Dactivemq.artemis.client.global.thread.pool.max.size) and Payara's MDB bean pool
            // (domain.xml mdb-container max-pool-size) are raised to match; below them, sessions stall.
            // ems.readings.sessions sets it (the launcher hands it over as this variable; Payara expands it).
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${ENV=EMS_READINGS_SESSIONS:64}"),
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeterReadingConsumer implements MessageListener {

    /** Artemis' property of a large message's body size ({@code Message.HDR_LARGE_BODY_SIZE}). */
    private static final String LARGE_BODY_SIZE = "_AMQ_LARGE_SIZE";

    /** Artemis' property of the time a message arrived at the broker ({@code Message.HDR_INGRESS_TIMESTAMP}). */
    private static final String INGRESS_TIMESTAMP = "_AMQ_INGRESS_TIMESTAMP";

    /** Deliveries of a message whose readings the database refuses before they are dead-lettered. */
    static final int REFUSALS = 10;

    @Inject
    GroupCommit readings;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    IngestionMetrics metrics;

    @Inject
    RefusedData refused;

    @Override
    public void onMessage(Message message) {
        try {
            if (!message.getJMSRedelivered()) {
                metrics.received(MeterProtocol.of(message));
            }
            long size = message instanceof BytesMessage bytes ? bytes.getBodyLength() : largeBodySize(message);
            if (size > MeterReadingCodec.MAX_MESSAGE_CHARS) {
                // Dead-lettered unread: its body would have to be loaded whole into memory to be read at all.
                deadLetters.reject("", MeterReadingCodec.tooLarge(size).getMessage(), message.getJMSMessageID());
                return;
            }
            String body = null;
            DecodedReadings decoded;
            try {
                body = text(message);
                // Published to a device's own MQTT topic: the topic names the device.
                decoded = MeterReadingCodec.decode(
                        body,
                        MeterTopics.deviceOfAddress(message.getStringProperty(MeterTopics.ORIGINAL_ADDRESS_PROPERTY)));
            } catch (InvalidReadingException e) {
                deadLetters.reject(body == null ? "" : body, e.getMessage(), message.getJMSMessageID());
                return;
            }
            // A meter signed in with its own credential reports its own device only; the rest of a batch is kept.
            String sender = message.getStringProperty(MeterIdentity.SENDER_PROPERTY);
            Map<Boolean, List<MeterReading>> own = decoded.readings().stream()
                    .collect(Collectors.partitioningBy(r -> MeterIdentity.mayReport(sender, r.deviceId())));
            if (!own.get(true).isEmpty()) {
                try {
                    readings.apply(own.get(true));
                    metrics.committed(Duration.ofMillis(System.currentTimeMillis() - arrival(message)));
                } catch (RuntimeException e) {
                    int deliveries = message.getIntProperty("JMSXDeliveryCount");
                    if (deliveries < REFUSALS || !refused.causes(e)) {
                        throw e;
                    }
                    String reason = "the database refused it " + deliveries + " times: " + rootMessage(e);
                    for (MeterReading refused : own.get(true)) {
                        deadLetters.reject(MeterReadingCodec.encode(refused), reason, message.getJMSMessageID());
                    }
                }
            }
            for (MeterReading foreign : own.get(false)) {
                deadLetters.reject(
                        MeterReadingCodec.encode(foreign),
                        MeterIdentity.notItsOwn(sender, foreign.deviceId()),
                        message.getJMSMessageID());
            }
            for (DecodedReadings.Rejected rejected : decoded.rejected()) {
                deadLetters.reject(rejected.json(), rejected.reason(), message.getJMSMessageID());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read reading message", e);
        }
    }

    /**
     * The message's text: a JMS text message's, or an MQTT publication's payload (which JMS sees as bytes), read as
     * UTF-8.
     */
    private static String text(Message message) throws JMSException, InvalidReadingException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] payload = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(payload);
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(payload))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new InvalidReadingException("not UTF-8 text");
            }
        }
        throw new InvalidReadingException(
                "not a text message: " + message.getClass().getSimpleName());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /**
     * When the message reached the broker: its ingress timestamp (address setting {@code enable-ingress-timestamp}),
     * else the time its producer sent it.
     */
    private static long arrival(Message message) throws JMSException {
        return message.propertyExists(INGRESS_TIMESTAMP)
                ? message.getLongProperty(INGRESS_TIMESTAMP)
                : message.getJMSTimestamp();
    }

    /**
     * The body size of a message the broker streams as a large message (over 100 KiB by default), read from the
     * property the Artemis client sets, without loading the body; 0 for other messages (already in memory).
     */
    private static long largeBodySize(Message message) throws JMSException {
        return message.propertyExists(LARGE_BODY_SIZE) ? message.getLongProperty(LARGE_BODY_SIZE) : 0;
    }
}
