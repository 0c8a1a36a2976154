package org.ems.web.socket;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.users.boundary.UserRejected;
import org.ems.users.boundary.UserService;

/**
 * Pushes each new alert from {@code ems.alerts} to its owner's connections on this instance: {@code /ws/alerts} and
 * the pages' {@code alerts} channel. A non-durable subscription of one session per instance, so every instance gets
 * each alert once; one that arrives while an instance is down is not pushed there, the page shows it on next load.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.ALERTS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertBroadcast implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AlertBroadcast.class.getName());

    @Inject
    UserService users;

    @Inject
    AlertSockets sockets;

    @Inject
    @Push(channel = "alerts")
    PushContext pages;

    @Override
    public void onMessage(Message message) {
        try {
            String json = ((TextMessage) message).getText();
            // Connections are known by user name (the token's upn, the page session's caller).
            String owner = users.find(UUID.fromString(message.getStringProperty(Destinations.OWNER_PROPERTY))).username();
            sockets.send(owner, json);
            pages.send(json, owner);
        } catch (UserRejected ownerGone) {
            // the owner was deleted since: nobody to push to
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Cannot push an alert: " + e);
        }
    }
}
