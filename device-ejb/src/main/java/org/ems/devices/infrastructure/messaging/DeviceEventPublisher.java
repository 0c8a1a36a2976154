package org.ems.devices.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.devices.application.DeviceChanged;

/**
 * Publishes each device change to {@code ems.device-events} inside the changing JTA transaction (the XA connection
 * factory enlists the send): a rolled-back change publishes nothing, a committed one is never lost.
 */
@ApplicationScoped
public class DeviceEventPublisher {

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    void publish(@Observes DeviceChanged changed) {
        var event = changed.event();
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setProperty("JMSXGroupID", event.device().id().toString())
                .setProperty("ems_device_version", event.version())
                .send(jms.createTopic(Destinations.DEVICE_EVENTS), event.toJson());
    }
}
