package org.ems.contracts.meter;

import java.util.UUID;

/**
 * Who may report a device's readings. A meter signed in to the broker with its own credential is named by its device
 * id and may report that device only; any other account (the gateway for the simulator and trusted data
 * concentrators, named like a person) may report any device. The broker writes the signed-in name on every message
 * ({@value #SENDER_PROPERTY}, {@code populate-validated-user} in {@code broker.xml}).
 */
public final class MeterIdentity {

    /** The message property Artemis sets to the validated user of the sending connection. */
    public static final String SENDER_PROPERTY = "_AMQ_VALIDATED_USER";

    private MeterIdentity() {}

    /** Whether {@code sender} (null: a broker that does not say) may report {@code device}'s readings. */
    public static boolean mayReport(String sender, UUID device) {
        UUID meter = deviceOf(sender);
        return meter == null || meter.equals(device);
    }

    /** The device a meter account stands for, or null for a gateway account. */
    public static UUID deviceOf(String sender) {
        if (sender == null || sender.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(sender);
        } catch (IllegalArgumentException notADevice) {
            return null;
        }
    }

    /** The reason a refused reading is dead-lettered with. */
    public static String notItsOwn(String sender, UUID device) {
        return "meter " + sender + " may not send readings of device " + device;
    }
}
