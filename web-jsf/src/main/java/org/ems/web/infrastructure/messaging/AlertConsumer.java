package org.ems.web.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/**
 * Consumes {@code ems.alerts} and hands each new alert to this instance's interfaces ({@link AlertArrived}), which
 * push it to the owner's connections: {@code /ws/alerts} and the pages' {@code alerts} channel. A non-durable subscription of one session per instance, so every instance gets
 * each alert once; one that arrives while an instance is down is not pushed there, the page shows it on next load.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.ALERTS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class.getName());

    @Inject
    Event<AlertArrived> arrived;

    @Override
    public void onMessage(Message message) {
        try {
            String json = ((TextMessage) message).getText();
            // Connections are known by user id (the token's subject, the page session's caller).
            UUID owner = UUID.fromString(message.getStringProperty(Destinations.OWNER_PROPERTY));
            arrived.fire(new AlertArrived(owner, json));
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Cannot push an alert: " + e);
        }
    }
}
