package org.ems.web.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.messaging.FanOutListener;

/**
 * Consumes {@code ems.alerts} and hands each new alert to this instance's interfaces ({@link AlertArrived}), which
 * push it to the owner's {@code /ws/alerts} connections (the pages' and the API's), and the administrators' when it is
 * for them too.
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
public class AlertConsumer extends FanOutListener implements MessageListener {

    @Inject
    Event<AlertArrived> arrived;

    @Override
    protected void pass(TextMessage message) throws JMSException {
        // Connections are known by user id (the token's subject, the page session's caller).
        String owner = message.getStringProperty(Destinations.OWNER_PROPERTY);
        arrived.fire(new AlertArrived(
                owner == null ? null : uuid(message, Destinations.OWNER_PROPERTY),
                message.propertyExists(Destinations.ADMINISTRATORS_PROPERTY)
                        && message.getBooleanProperty(Destinations.ADMINISTRATORS_PROPERTY),
                message.getText()));
    }
}
