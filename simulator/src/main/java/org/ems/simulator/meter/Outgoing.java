package org.ems.simulator.meter;

import java.time.Instant;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;

/**
 * A reading about to be sent, or a malformed message naming it (the poison fault).
 *
 * @param reading the reading (of a poison message: whose device and time it names)
 * @param duplicateId the broker duplicate-detection id ({@code _AMQ_DUPL_ID}), null for a deliberate duplicate
 * @param poison whether this is a malformed message, {@link #poisonBody}, that EMS must dead-letter (or, over HTTP,
 *     refuse with a 400)
 */
public record Outgoing(MeterReading reading, String duplicateId, boolean poison) {

    public Outgoing(MeterReading reading, String duplicateId) {
        this(reading, duplicateId, false);
    }

    public static Outgoing of(MeterReading reading) {
        return new Outgoing(reading, reading.deviceId() + "/" + reading.timestamp());
    }

    /** A malformed message naming the reading's device and time, sent after it. */
    public static Outgoing poison(MeterReading reading) {
        return new Outgoing(reading, POISON_ID + reading.deviceId() + "/" + reading.timestamp(), true);
    }

    /** How a poison message's duplicate id starts (the outbox tells it from a reading by that). */
    static final String POISON_ID = "poison/";

    /**
     * The body of the poison message of {@code device} at {@code timestamp}: a reading whose kWh is no number, the
     * same text each time, so a checker finds it among the dead letters.
     */
    public static String poisonBody(UUID device, Instant timestamp) {
        return "{\"deviceId\":\"" + device + "\",\"timestamp\":\"" + timestamp + "\",\"kwh\":\"poison\"}";
    }
}
