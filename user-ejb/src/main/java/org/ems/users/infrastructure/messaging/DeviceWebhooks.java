package org.ems.users.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.users.application.WebhookEvents;

/**
 * Device changes for the webhooks: a durable subscription to {@code ems.device-events} shared by the instances, in a
 * transaction with the deliveries it queues (XA): an event delivered again queues nothing twice, and none is lost.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.DEVICE_EVENTS),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
            @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "ems.users.webhooks"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        })
public class DeviceWebhooks implements MessageListener {

    @Inject
    WebhookEvents webhooks;

    @Override
    public void onMessage(Message message) {
        DeviceEvent.of(message).ifPresent(webhooks::device);
    }
}
