package org.ems.web.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/**
 * The readings' dead-letter queue ({@code ems.readings.dlq}) as people read it: the operations page and
 * {@code GET /api/dead-letters}. Only browsed, never consumed: what is there stays until an operator deals with it.
 */
@ApplicationScoped
public class DeadLetters {

    @Resource(lookup = BrokerConnection.CONNECTION_FACTORY)
    ConnectionFactory broker;

    /**
     * A dead letter.
     *
     * @param id the broker's message id
     * @param at when it was dead-lettered
     * @param reason why ({@code ems_error})
     * @param originalMessageId the id of the message it was, as received
     * @param body its text, cut to the length asked for
     * @param cut whether the body was longer
     */
    public record DeadLetter(String id, Instant at, String reason, String originalMessageId, String body, boolean cut)
            implements Serializable {}

    /**
     * Up to {@code max} dead letters, in the queue's order (oldest first), dead-lettered at or after {@code since}
     * (all when null), their bodies cut to {@code bodyChars}.
     *
     * @throws JMSException when the broker cannot be read
     */
    public List<DeadLetter> browse(Instant since, int max, int bodyChars) throws JMSException {
        List<DeadLetter> read = new ArrayList<>();
        try (JMSContext jms = broker.createContext();
                QueueBrowser browser = jms.createBrowser(
                        jms.createQueue(Destinations.READINGS_DLQ),
                        since == null ? null : "JMSTimestamp >= " + since.toEpochMilli())) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && read.size() < max) {
                Message message = (Message) messages.nextElement();
                String body = message.getBody(String.class);
                boolean cut = body != null && body.length() > bodyChars;
                read.add(new DeadLetter(
                        message.getJMSMessageID(),
                        Instant.ofEpochMilli(message.getJMSTimestamp()),
                        message.getStringProperty(Destinations.ERROR_PROPERTY),
                        message.getStringProperty(Destinations.ORIGINAL_MESSAGE_ID_PROPERTY),
                        cut ? body.substring(0, bodyChars) : body,
                        cut));
            }
        }
        return read;
    }
}
