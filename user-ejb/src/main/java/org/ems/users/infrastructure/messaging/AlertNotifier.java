package org.ems.users.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.users.application.Notifications;
import org.ems.users.application.WebhookEvents;

/**
 * Alerts to mail and to the webhooks: a durable subscription to {@code ems.alerts} shared by the instances (each alert reaches one of
 * them, and waits in the broker while none runs), in a transaction with the outbox rows and deliveries it queues (XA): a message
 * delivered again queues nothing twice, and none is lost.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.ALERTS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
            @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "ems.users.notifications"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        })
public class AlertNotifier implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AlertNotifier.class.getName());

    @Inject
    Notifications notifications;

    @Inject
    WebhookEvents webhooks;

    @Override
    public void onMessage(Message message) {
        AlertMessage alert;
        UUID owner;
        String device;
        try {
            alert = AlertMessage.fromJson(((TextMessage) message).getText());
            String ownerId = message.getStringProperty(Destinations.OWNER_PROPERTY);
            owner = ownerId == null ? null : UUID.fromString(ownerId);
            device = message.getStringProperty(Destinations.DEVICE_NAME_PROPERTY);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException | JMSException e) {
            LOG.warning(() -> "Dropping a message on " + Destinations.ALERTS + " that is not an alert: " + e);
            return;
        }
        notifications.alert(alert, owner, device == null ? alert.deviceId().toString() : device);
        webhooks.alert(alert);
    }
}
