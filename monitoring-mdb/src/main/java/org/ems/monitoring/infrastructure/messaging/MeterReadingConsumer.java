package org.ems.monitoring.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.DecodedReadings;
import org.ems.contracts.reading.InvalidReadingException;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.monitoring.application.ReadingIngestion;

/**
 * Consumes meter readings from {@code ems.readings}: decodes, hands the valid ones to {@link ReadingIngestion}, and
 * dead-letters the invalid ones with their reason. Anything else that fails (database, broker) is thrown, so the
 * transaction rolls back and the broker redelivers.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.READINGS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
        })
public class MeterReadingConsumer implements MessageListener {

    @Inject
    ReadingIngestion ingestion;

    @Inject
    DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                deadLetters.reject("", "not a text message: " + message.getClass().getSimpleName(),
                        message.getJMSMessageID());
                return;
            }
            String body = text.getText();
            DecodedReadings decoded;
            try {
                decoded = MeterReadingCodec.decode(body);
            } catch (InvalidReadingException e) {
                deadLetters.reject(body == null ? "" : body, e.getMessage(), message.getJMSMessageID());
                return;
            }
            ingestion.apply(decoded.readings());
            for (DecodedReadings.Rejected rejected : decoded.rejected()) {
                deadLetters.reject(rejected.json(), rejected.reason(), message.getJMSMessageID());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read reading message", e);
        }
    }
}
