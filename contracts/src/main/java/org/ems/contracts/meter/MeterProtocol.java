package org.ems.contracts.meter;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Locale;

/**
 * How a meter's readings reached EMS: JMS (the broker's core protocol), MQTT (to the same broker) or HTTP
 * ({@code POST /api/readings}, which queues them); all three end in {@code ems.readings}.
 */
public enum MeterProtocol {
    JMS,
    MQTT,
    HTTP;

    /** The message property the HTTP endpoint marks what it queues with. */
    public static final String PROPERTY = "ems_protocol";

    /** The property Artemis gives every message that came over MQTT (its QoS). */
    public static final String MQTT_QOS_PROPERTY = "mqtt.qos.level";

    /** How {@code message} came. */
    public static MeterProtocol of(Message message) throws JMSException {
        if (message.propertyExists(MQTT_QOS_PROPERTY)) {
            return MQTT;
        }
        return HTTP.label().equals(message.getStringProperty(PROPERTY)) ? HTTP : JMS;
    }

    /** The lower-case name the command line, the documents and the metrics use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
