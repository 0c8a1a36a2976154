package org.ems.monitoring.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.logging.Logger;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/**
 * Sends what can never be applied to {@code ems.readings.dlq} at once, with the reason, instead of letting the broker
 * redeliver it in vain. Not part of a transaction: if the consumer fails after sending, the redelivered message is
 * dead-lettered again (a duplicate dead letter, never a lost one); its valid readings, applied again, change nothing.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class.getName());

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    public void reject(String body, String reason, String originalMessageId) {
        LOG.fine(() -> "Dead-lettering reading message " + originalMessageId + ": " + reason);
        jms.createProducer()
                .setProperty(Destinations.ERROR_PROPERTY, reason)
                .setProperty(Destinations.ORIGINAL_MESSAGE_ID_PROPERTY, originalMessageId)
                .send(jms.createQueue(Destinations.READINGS_DLQ), body);
    }
}
