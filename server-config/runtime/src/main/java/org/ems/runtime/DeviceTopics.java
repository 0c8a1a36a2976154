package org.ems.runtime;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.meter.MeterTopics;

/**
 * Puts what a meter publishes to its device's topic ({@code ems/readings/<deviceId>} over MQTT, the address
 * {@code ems.readings.<deviceId>}) into the readings queue, the topic's address kept in {@code _AMQ_ORIG_ADDRESS},
 * once the sender may publish there ({@link BrokerAccounts}). Not a divert on {@code ems.readings.*}: Artemis 2.40
 * binds a wildcard's divert to a new address lazily, and publications racing the first one to a new device's topic
 * were routed to nothing, yet acknowledged (measured by {@code DeviceTopicsTest}: 41 of 8,000 lost).
 */
public final class DeviceTopics implements ActiveMQServerMessagePlugin {

    private static final SimpleString READINGS = SimpleString.of(Destinations.READINGS);

    private ActiveMQServer server;

    @Override
    public void registered(ActiveMQServer server) {
        this.server = server;
    }

    @Override
    public void beforeSend(
            ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue)
            throws ActiveMQException {
        SimpleString topic = message.getAddressSimpleString();
        if (topic == null || MeterTopics.deviceOfAddress(topic.toString()) == null) {
            return;
        }
        try {
            server.getSecurityStore().check(topic, CheckType.SEND, session);
        } catch (ActiveMQException e) {
            throw e;
        } catch (Exception e) { // the store declares Exception: a refusal all the same (the broker drops others)
            throw new ActiveMQSecurityException("cannot check the permission to publish to " + topic);
        }
        message.putStringProperty(Message.HDR_ORIGINAL_ADDRESS, topic);
        message.setAddress(READINGS);
        message.setRoutingType(RoutingType.ANYCAST);
    }
}
