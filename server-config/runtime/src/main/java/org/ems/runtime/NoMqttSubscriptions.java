package org.ems.runtime;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Refuses every MQTT SUBSCRIBE and UNSUBSCRIBE before the broker acts on it, closing the connection: EMS takes
 * readings over MQTT and publishes nothing there. Not left to the permissions alone: Artemis 2.40 prepares a refused
 * subscription to the readings' topic ({@code ems/readings}, an anycast address) on the readings queue itself, and
 * removes that queue, with every reading waiting in it, when the subscription fails (measured: one SUBSCRIBE by a
 * meter's account, and {@code ems.readings} was gone).
 */
public final class NoMqttSubscriptions implements MQTTInterceptor {

    private static final Logger LOG = Logger.getLogger(NoMqttSubscriptions.class.getName());

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        MqttMessageType type = packet.fixedHeader().messageType();
        if (type != MqttMessageType.SUBSCRIBE && type != MqttMessageType.UNSUBSCRIBE) {
            return true;
        }
        LOG.warning(() -> "ems-security event=mqtt-subscription-refused address=" + connection.getRemoteAddress()
                + " reason=\"EMS publishes nothing over MQTT\"");
        connection.fail(new ActiveMQSecurityException("subscriptions are refused: EMS publishes nothing over MQTT"));
        return false;
    }
}
