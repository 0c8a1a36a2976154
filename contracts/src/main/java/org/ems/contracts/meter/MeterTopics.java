package org.ems.contracts.meter;

import java.util.UUID;
import org.ems.contracts.messaging.Destinations;

/**
 * Where meters publish over MQTT. A meter publishes to its device's topic {@code ems/readings/<deviceId>}; a gateway
 * also to {@code ems/readings}. Artemis maps an MQTT topic to the address of the same words joined by dots, so the
 * gateways' topic is the readings queue's own address and a device's topic is {@code ems.readings.<deviceId>}, which
 * the broker diverts into that queue (broker.xml), the topic's address kept in the message's original address.
 */
public final class MeterTopics {

    /** The topic a gateway publishes batches (and readings of any device) to. */
    public static final String GATEWAY_TOPIC = "ems/readings";

    /** The broker addresses of device topics start with this. */
    private static final String DEVICE_ADDRESS_PREFIX = Destinations.READINGS + ".";

    /** Artemis' property of a diverted message's original address ({@code Message.HDR_ORIGINAL_ADDRESS}). */
    public static final String ORIGINAL_ADDRESS_PROPERTY = "_AMQ_ORIG_ADDRESS";

    private MeterTopics() {}

    /** The MQTT topic of a device's readings. */
    public static String topic(UUID device) {
        return GATEWAY_TOPIC + "/" + device;
    }

    /** The device whose topic maps to the broker {@code address}, or null for any other address. */
    public static UUID deviceOfAddress(String address) {
        if (address == null || !address.startsWith(DEVICE_ADDRESS_PREFIX)) {
            return null;
        }
        return MeterIdentity.deviceOf(address.substring(DEVICE_ADDRESS_PREFIX.length()));
    }

    /**
     * Whether {@code sender} may publish to the broker {@code address} besides the readings queue itself: a device
     * topic, its own for a meter, any for a gateway. Everything else under {@code ems.readings.} (the dead-letter
     * queue above all) is refused.
     */
    public static boolean mayPublish(String sender, String address) {
        UUID device = deviceOfAddress(address);
        return device != null && MeterIdentity.mayReport(sender, device);
    }
}
