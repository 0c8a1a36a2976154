package org.ems.monitoring.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.monitoring.application.AlertRaised;

/**
 * Publishes each new alert of an owned device (and each one for the administrators) to {@code ems.alerts}, inside the transaction that stored it (XA): so
 * every EMS instance pushes it to the sockets it holds, only once it is committed, and never for a rolled-back one.
 */
@ApplicationScoped
public class AlertPublisher {

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    void publish(@Observes AlertRaised raised) {
        boolean administrators = raised.alert().kind().toAdministrators();
        if (raised.ownerId() == null && !administrators) {
            return; // nobody to tell: the alert waits in GET /api/alerts for administrators
        }
        JMSProducer producer = jms.createProducer()
                .setProperty(Destinations.DEVICE_NAME_PROPERTY, raised.deviceName())
                .setProperty(Destinations.ADMINISTRATORS_PROPERTY, administrators);
        if (raised.ownerId() != null) {
            producer.setProperty(Destinations.OWNER_PROPERTY, raised.ownerId().toString());
        }
        producer.send(jms.createTopic(Destinations.ALERTS), raised.alert().toJson());
    }
}
